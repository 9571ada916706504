-- 0584bdc529eb on SQLite — add cascading deletion to datasets from experiments.

CREATE TABLE _alembic_tmp_datasets (
	dataset_uuid VARCHAR(36) NOT NULL,
	experiment_id INTEGER NOT NULL,
	name VARCHAR(500) NOT NULL,
	digest VARCHAR(36) NOT NULL,
	dataset_source_type VARCHAR(36) NOT NULL,
	dataset_source TEXT NOT NULL,
	dataset_schema TEXT,
	dataset_profile TEXT,
	CONSTRAINT dataset_pk PRIMARY KEY (experiment_id, name, digest),
	CONSTRAINT fk_datasets_experiment_id_experiments FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile) SELECT datasets.dataset_uuid, datasets.experiment_id, datasets.name, datasets.digest, datasets.dataset_source_type, datasets.dataset_source, datasets.dataset_schema, datasets.dataset_profile
FROM datasets;

DROP TABLE datasets;

ALTER TABLE _alembic_tmp_datasets RENAME TO datasets;

CREATE INDEX index_datasets_dataset_uuid ON datasets (dataset_uuid);

CREATE INDEX index_datasets_experiment_id_dataset_source_type ON datasets (experiment_id, dataset_source_type);
