-- c1d2e3f4a5b6 on PostgreSQL — add span experiment start time index.

DROP INDEX index_spans_experiment_id;

CREATE INDEX index_spans_experiment_id_start_time ON spans (experiment_id, start_time_unix_nano);
