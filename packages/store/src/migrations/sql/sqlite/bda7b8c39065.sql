-- bda7b8c39065 on SQLite — increase model version tag value limit.

CREATE TABLE _alembic_tmp_model_version_tags (
	"key" VARCHAR(250) NOT NULL,
	value TEXT,
	name VARCHAR(256) NOT NULL,
	version INTEGER NOT NULL,
	CONSTRAINT model_version_tag_pk PRIMARY KEY ("key", name, version),
	FOREIGN KEY(name, version) REFERENCES model_versions (name, version) ON UPDATE CASCADE
);

INSERT INTO _alembic_tmp_model_version_tags ("key", value, name, version) SELECT model_version_tags."key", model_version_tags.value, model_version_tags.name, model_version_tags.version
FROM model_version_tags;

DROP TABLE model_version_tags;

ALTER TABLE _alembic_tmp_model_version_tags RENAME TO model_version_tags;
