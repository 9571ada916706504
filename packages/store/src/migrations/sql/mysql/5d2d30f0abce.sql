-- 5d2d30f0abce on MySQL/MariaDB — update job table.

DROP INDEX index_jobs_function_status_creation_time ON jobs;

ALTER TABLE jobs CHANGE function_fullname job_name VARCHAR(500) NULL;

CREATE INDEX index_jobs_name_status_creation_time ON jobs (job_name, status, creation_time);
