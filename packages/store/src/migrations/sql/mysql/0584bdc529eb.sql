-- 0584bdc529eb on MySQL/MariaDB — add cascading deletion to datasets from experiments.

ALTER TABLE datasets DROP FOREIGN KEY datasets_ibfk_1;

ALTER TABLE datasets ADD CONSTRAINT fk_datasets_experiment_id_experiments FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE;
