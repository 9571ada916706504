-- f5a4f2784254 on SQLite — increase run tag value limit.

CREATE TABLE _alembic_tmp_tags (
	"key" VARCHAR(250) NOT NULL,
	value VARCHAR(8000),
	run_uuid VARCHAR(32) NOT NULL,
	CONSTRAINT tag_pk PRIMARY KEY ("key", run_uuid),
	FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid)
);

INSERT INTO _alembic_tmp_tags ("key", value, run_uuid) SELECT tags."key", tags.value, tags.run_uuid
FROM tags;

DROP TABLE tags;

ALTER TABLE _alembic_tmp_tags RENAME TO tags;

CREATE INDEX index_tags_run_uuid ON tags (run_uuid);
