-- a5b4c3d2e1f0 on MySQL/MariaDB — add metrics run key step index.

CREATE INDEX index_metrics_run_uuid_key_step ON metrics (run_uuid, `key`, step);
