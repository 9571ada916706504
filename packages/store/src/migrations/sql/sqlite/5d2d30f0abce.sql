-- 5d2d30f0abce on SQLite — update job table.

CREATE TABLE _alembic_tmp_jobs (
	id VARCHAR(36) NOT NULL,
	creation_time BIGINT NOT NULL,
	job_name VARCHAR(500) NOT NULL,
	params TEXT NOT NULL,
	timeout FLOAT,
	status INTEGER NOT NULL,
	result TEXT,
	retry_count INTEGER NOT NULL,
	last_update_time BIGINT NOT NULL,
	CONSTRAINT jobs_pk PRIMARY KEY (id)
);

INSERT INTO _alembic_tmp_jobs (id, creation_time, job_name, params, timeout, status, result, retry_count, last_update_time) SELECT jobs.id, jobs.creation_time, jobs.function_fullname, jobs.params, jobs.timeout, jobs.status, jobs.result, jobs.retry_count, jobs.last_update_time
FROM jobs;

DROP TABLE jobs;

ALTER TABLE _alembic_tmp_jobs RENAME TO jobs;

CREATE INDEX index_jobs_name_status_creation_time ON jobs (job_name, status, creation_time);
