-- 6f8d9c3b2a1e on MySQL/MariaDB — add experiment fk cascades.

ALTER TABLE trace_info DROP FOREIGN KEY fk_trace_info_experiment_id;

ALTER TABLE trace_info ADD CONSTRAINT fk_trace_info_experiment_id FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE;
