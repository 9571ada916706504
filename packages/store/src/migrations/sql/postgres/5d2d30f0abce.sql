-- 5d2d30f0abce on PostgreSQL — update job table.

DROP INDEX index_jobs_function_status_creation_time;

ALTER TABLE jobs RENAME function_fullname TO job_name;

CREATE INDEX index_jobs_name_status_creation_time ON jobs (job_name, status, creation_time);
