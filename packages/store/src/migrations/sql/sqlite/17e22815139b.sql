-- 17e22815139b on SQLite — increase experiment tag value limit.

CREATE TABLE _alembic_tmp_experiment_tags (
	"key" VARCHAR(250) NOT NULL,
	value TEXT,
	experiment_id INTEGER NOT NULL,
	CONSTRAINT experiment_tag_pk PRIMARY KEY ("key", experiment_id),
	FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id)
);

INSERT INTO _alembic_tmp_experiment_tags ("key", value, experiment_id) SELECT experiment_tags."key", experiment_tags.value, experiment_tags.experiment_id
FROM experiment_tags;

DROP TABLE experiment_tags;

ALTER TABLE _alembic_tmp_experiment_tags RENAME TO experiment_tags;
