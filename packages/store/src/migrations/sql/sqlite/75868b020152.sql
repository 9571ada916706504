-- 75868b020152 on SQLite — trace analytics columns and rollup tables; the backfill between the parts is in steps/75868b020152-*.ts.

-- @part columns

ALTER TABLE trace_info ADD COLUMN trace_name VARCHAR(4096);

ALTER TABLE trace_info ADD COLUMN session_id VARCHAR(250);

ALTER TABLE trace_info ADD COLUMN input_tokens BIGINT;

ALTER TABLE trace_info ADD COLUMN output_tokens BIGINT;

ALTER TABLE trace_info ADD COLUMN total_tokens BIGINT;

ALTER TABLE trace_info ADD COLUMN cache_read_input_tokens BIGINT;

ALTER TABLE trace_info ADD COLUMN cache_creation_input_tokens BIGINT;

ALTER TABLE trace_info ADD COLUMN cache_creation_input_tokens_above_1hr BIGINT;

ALTER TABLE trace_info ADD COLUMN input_cost FLOAT;

ALTER TABLE trace_info ADD COLUMN output_cost FLOAT;

ALTER TABLE trace_info ADD COLUMN total_cost FLOAT;

ALTER TABLE assessments ADD COLUMN experiment_id INTEGER;

ALTER TABLE assessments ADD COLUMN trace_timestamp_ms BIGINT;

ALTER TABLE assessments ADD COLUMN aggregate_value FLOAT;

ALTER TABLE assessments ADD COLUMN is_numeric_value BOOLEAN DEFAULT 0;

ALTER TABLE spans ADD COLUMN input_cost FLOAT;

ALTER TABLE spans ADD COLUMN output_cost FLOAT;

ALTER TABLE spans ADD COLUMN total_cost FLOAT;

ALTER TABLE spans ADD COLUMN model_name VARCHAR(500);

ALTER TABLE spans ADD COLUMN model_provider VARCHAR(500);

-- @part tighten

CREATE TABLE _alembic_tmp_assessments (
	assessment_id VARCHAR(50) NOT NULL,
	trace_id VARCHAR(50) NOT NULL,
	name VARCHAR(250) NOT NULL,
	assessment_type VARCHAR(20) NOT NULL,
	value TEXT NOT NULL,
	error TEXT,
	created_timestamp BIGINT NOT NULL,
	last_updated_timestamp BIGINT NOT NULL,
	source_type VARCHAR(50) NOT NULL,
	source_id VARCHAR(250),
	run_id VARCHAR(32),
	span_id VARCHAR(50),
	rationale TEXT,
	overrides VARCHAR(50),
	valid BOOLEAN NOT NULL,
	assessment_metadata TEXT,
	experiment_id INTEGER,
	trace_timestamp_ms BIGINT,
	aggregate_value FLOAT,
	is_numeric_value BOOLEAN DEFAULT 0 NOT NULL,
	CONSTRAINT assessments_pk PRIMARY KEY (assessment_id),
	CONSTRAINT fk_assessments_trace_id FOREIGN KEY(trace_id) REFERENCES trace_info (request_id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_assessments (assessment_id, trace_id, name, assessment_type, value, error, created_timestamp, last_updated_timestamp, source_type, source_id, run_id, span_id, rationale, overrides, valid, assessment_metadata, experiment_id, trace_timestamp_ms, aggregate_value, is_numeric_value) SELECT assessments.assessment_id, assessments.trace_id, assessments.name, assessments.assessment_type, assessments.value, assessments.error, assessments.created_timestamp, assessments.last_updated_timestamp, assessments.source_type, assessments.source_id, assessments.run_id, assessments.span_id, assessments.rationale, assessments.overrides, assessments.valid, assessments.assessment_metadata, assessments.experiment_id, assessments.trace_timestamp_ms, assessments.aggregate_value, assessments.is_numeric_value
FROM assessments;

DROP TABLE assessments;

ALTER TABLE _alembic_tmp_assessments RENAME TO assessments;

CREATE INDEX index_assessments_trace_id_created_timestamp ON assessments (trace_id, created_timestamp);

CREATE INDEX index_assessments_last_updated_timestamp ON assessments (last_updated_timestamp);

CREATE INDEX index_assessments_assessment_type ON assessments (assessment_type);

CREATE INDEX index_assessments_run_id_created_timestamp ON assessments (run_id, created_timestamp);

CREATE TABLE sql_trace_metric_daily_rollups (
	id INTEGER NOT NULL,
	experiment_id INTEGER NOT NULL,
	rollup_day DATE NOT NULL,
	metric_name VARCHAR(250) NOT NULL,
	grouping_set VARCHAR(50) NOT NULL,
	trace_status VARCHAR(50),
	sample_count BIGINT NOT NULL,
	sum_value FLOAT,
	min_value FLOAT,
	max_value FLOAT,
	p50_value FLOAT,
	p90_value FLOAT,
	p99_value FLOAT,
	CONSTRAINT sql_trace_metric_daily_rollups_pk PRIMARY KEY (id)
);

CREATE TABLE sql_span_cost_daily_rollups (
	id INTEGER NOT NULL,
	experiment_id INTEGER NOT NULL,
	rollup_day DATE NOT NULL,
	metric_name VARCHAR(250) NOT NULL,
	grouping_set VARCHAR(50) NOT NULL,
	model_name VARCHAR(500),
	model_provider VARCHAR(500),
	sample_count BIGINT NOT NULL,
	sum_value FLOAT,
	min_value FLOAT,
	max_value FLOAT,
	CONSTRAINT sql_span_cost_daily_rollups_pk PRIMARY KEY (id)
);

CREATE TABLE sql_assessment_daily_rollups (
	id INTEGER NOT NULL,
	experiment_id INTEGER NOT NULL,
	rollup_day DATE NOT NULL,
	metric_name VARCHAR(250) NOT NULL,
	grouping_set VARCHAR(50) NOT NULL,
	sample_count BIGINT NOT NULL,
	sum_value FLOAT,
	min_value FLOAT,
	max_value FLOAT,
	CONSTRAINT sql_assessment_daily_rollups_pk PRIMARY KEY (id)
);

CREATE TABLE sql_trace_rollup_rebuild_queue (
	experiment_id INTEGER NOT NULL,
	rollup_day DATE NOT NULL,
	rollup_family VARCHAR(50) NOT NULL,
	CONSTRAINT sql_trace_rollup_rebuild_queue_pk PRIMARY KEY (experiment_id, rollup_day, rollup_family)
);

-- @part finish

CREATE TABLE _alembic_tmp_spans (
	trace_id VARCHAR(50) NOT NULL,
	experiment_id INTEGER NOT NULL,
	span_id VARCHAR(50) NOT NULL,
	parent_span_id VARCHAR(50),
	name TEXT,
	type VARCHAR(500),
	status VARCHAR(50) NOT NULL,
	start_time_unix_nano BIGINT NOT NULL,
	end_time_unix_nano BIGINT,
	duration_ns BIGINT GENERATED ALWAYS AS (end_time_unix_nano - start_time_unix_nano) STORED,
	content TEXT NOT NULL,
	input_cost FLOAT,
	output_cost FLOAT,
	total_cost FLOAT,
	model_name VARCHAR(500),
	model_provider VARCHAR(500),
	CONSTRAINT spans_pk PRIMARY KEY (trace_id, span_id),
	CONSTRAINT fk_spans_experiment_id FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id),
	CONSTRAINT fk_spans_trace_id FOREIGN KEY(trace_id) REFERENCES trace_info (request_id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_spans (trace_id, experiment_id, span_id, parent_span_id, name, type, status, start_time_unix_nano, end_time_unix_nano, content, input_cost, output_cost, total_cost, model_name, model_provider) SELECT spans.trace_id, spans.experiment_id, spans.span_id, spans.parent_span_id, spans.name, spans.type, spans.status, spans.start_time_unix_nano, spans.end_time_unix_nano, spans.content, spans.input_cost, spans.output_cost, spans.total_cost, spans.model_name, spans.model_provider
FROM spans;

DROP TABLE spans;

ALTER TABLE _alembic_tmp_spans RENAME TO spans;

CREATE INDEX index_spans_experiment_id_duration ON spans (experiment_id, duration_ns);

CREATE INDEX index_spans_experiment_id_status_type ON spans (experiment_id, status, type);

CREATE INDEX index_spans_experiment_id_type_status ON spans (experiment_id, type, status);

CREATE INDEX index_spans_experiment_id_start_time ON spans (experiment_id, start_time_unix_nano);

CREATE INDEX index_trace_info_experiment_id_session_id ON trace_info (experiment_id, session_id);

CREATE INDEX idx_trace_rollups_lookup ON sql_trace_metric_daily_rollups (experiment_id, rollup_day, metric_name, grouping_set, trace_status);

CREATE INDEX idx_span_cost_rollups_lookup ON sql_span_cost_daily_rollups (experiment_id, rollup_day, metric_name, grouping_set, model_name, model_provider);

CREATE INDEX idx_assessment_rollups_lookup ON sql_assessment_daily_rollups (experiment_id, rollup_day, metric_name, grouping_set);

CREATE INDEX idx_spans_cost_trace_time_cover ON spans (trace_id, start_time_unix_nano);

CREATE INDEX idx_spans_cost_exp_time_cover ON spans (experiment_id, start_time_unix_nano);

CREATE INDEX idx_assessments_exp_trace_ts ON assessments (experiment_id, trace_timestamp_ms);

CREATE INDEX idx_assessments_exp_trace_ts_name ON assessments (experiment_id, trace_timestamp_ms, name);

CREATE INDEX idx_assessments_exp_name_valid ON assessments (experiment_id, name, valid);
