-- 6f8d9c3b2a1e on SQLite — add experiment fk cascades.

CREATE TABLE _alembic_tmp_trace_info (
	request_id VARCHAR(50) NOT NULL,
	experiment_id INTEGER NOT NULL,
	timestamp_ms BIGINT NOT NULL,
	execution_time_ms BIGINT,
	status VARCHAR(50) NOT NULL,
	client_request_id VARCHAR(50),
	request_preview VARCHAR(1000),
	response_preview VARCHAR(1000),
	db_payload_generation INTEGER DEFAULT '0' NOT NULL,
	CONSTRAINT trace_info_pk PRIMARY KEY (request_id),
	CONSTRAINT fk_trace_info_experiment_id FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_trace_info (request_id, experiment_id, timestamp_ms, execution_time_ms, status, client_request_id, request_preview, response_preview, db_payload_generation) SELECT trace_info.request_id, trace_info.experiment_id, trace_info.timestamp_ms, trace_info.execution_time_ms, trace_info.status, trace_info.client_request_id, trace_info.request_preview, trace_info.response_preview, trace_info.db_payload_generation
FROM trace_info;

DROP TABLE trace_info;

ALTER TABLE _alembic_tmp_trace_info RENAME TO trace_info;

CREATE INDEX index_trace_info_experiment_id_timestamp_ms ON trace_info (experiment_id, timestamp_ms);
