-- d0e1f2a3b4c5 on MySQL/MariaDB — add experiment id to endpoints.

ALTER TABLE endpoints ADD COLUMN experiment_id INTEGER;

ALTER TABLE endpoints ADD COLUMN usage_tracking BOOL NOT NULL DEFAULT '0';

ALTER TABLE endpoints ADD CONSTRAINT fk_endpoints_experiment_id FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id) ON DELETE SET NULL;
