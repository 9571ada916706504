-- 0584bdc529eb on PostgreSQL — add cascading deletion to datasets from experiments.

ALTER TABLE datasets DROP CONSTRAINT datasets_experiment_id_fkey;

ALTER TABLE datasets ADD CONSTRAINT fk_datasets_experiment_id_experiments FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE;
