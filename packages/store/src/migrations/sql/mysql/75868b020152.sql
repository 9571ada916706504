-- 75868b020152 on MySQL/MariaDB — trace analytics columns and rollup tables; the backfill between the parts is in steps/75868b020152-*.ts.

-- @part columns

ALTER TABLE trace_info ADD COLUMN trace_name VARCHAR(4096);

ALTER TABLE trace_info ADD COLUMN session_id VARCHAR(250);

ALTER TABLE trace_info ADD COLUMN input_tokens BIGINT;

ALTER TABLE trace_info ADD COLUMN output_tokens BIGINT;

ALTER TABLE trace_info ADD COLUMN total_tokens BIGINT;

ALTER TABLE trace_info ADD COLUMN cache_read_input_tokens BIGINT;

ALTER TABLE trace_info ADD COLUMN cache_creation_input_tokens BIGINT;

ALTER TABLE trace_info ADD COLUMN cache_creation_input_tokens_above_1hr BIGINT;

ALTER TABLE trace_info ADD COLUMN input_cost FLOAT(53);

ALTER TABLE trace_info ADD COLUMN output_cost FLOAT(53);

ALTER TABLE trace_info ADD COLUMN total_cost FLOAT(53);

ALTER TABLE assessments ADD COLUMN experiment_id INTEGER;

ALTER TABLE assessments ADD COLUMN trace_timestamp_ms BIGINT;

ALTER TABLE assessments ADD COLUMN aggregate_value FLOAT(53);

ALTER TABLE assessments ADD COLUMN is_numeric_value BOOL DEFAULT false;

ALTER TABLE spans ADD COLUMN input_cost FLOAT(53);

ALTER TABLE spans ADD COLUMN output_cost FLOAT(53);

ALTER TABLE spans ADD COLUMN total_cost FLOAT(53);

ALTER TABLE spans ADD COLUMN model_name VARCHAR(500);

ALTER TABLE spans ADD COLUMN model_provider VARCHAR(500);

-- @part tighten

ALTER TABLE assessments MODIFY is_numeric_value BOOL NOT NULL DEFAULT false;

CREATE TABLE sql_trace_metric_daily_rollups (
	id BIGINT NOT NULL AUTO_INCREMENT,
	experiment_id INTEGER NOT NULL,
	rollup_day DATE NOT NULL,
	metric_name VARCHAR(250) NOT NULL,
	grouping_set VARCHAR(50) NOT NULL,
	trace_status VARCHAR(50),
	sample_count BIGINT NOT NULL,
	sum_value FLOAT(53),
	min_value FLOAT(53),
	max_value FLOAT(53),
	p50_value FLOAT(53),
	p90_value FLOAT(53),
	p99_value FLOAT(53),
	CONSTRAINT sql_trace_metric_daily_rollups_pk PRIMARY KEY (id)
);

CREATE TABLE sql_span_cost_daily_rollups (
	id BIGINT NOT NULL AUTO_INCREMENT,
	experiment_id INTEGER NOT NULL,
	rollup_day DATE NOT NULL,
	metric_name VARCHAR(250) NOT NULL,
	grouping_set VARCHAR(50) NOT NULL,
	model_name VARCHAR(500),
	model_provider VARCHAR(500),
	sample_count BIGINT NOT NULL,
	sum_value FLOAT(53),
	min_value FLOAT(53),
	max_value FLOAT(53),
	CONSTRAINT sql_span_cost_daily_rollups_pk PRIMARY KEY (id)
);

CREATE TABLE sql_assessment_daily_rollups (
	id BIGINT NOT NULL AUTO_INCREMENT,
	experiment_id INTEGER NOT NULL,
	rollup_day DATE NOT NULL,
	metric_name VARCHAR(250) NOT NULL,
	grouping_set VARCHAR(50) NOT NULL,
	sample_count BIGINT NOT NULL,
	sum_value FLOAT(53),
	min_value FLOAT(53),
	max_value FLOAT(53),
	CONSTRAINT sql_assessment_daily_rollups_pk PRIMARY KEY (id)
);

CREATE TABLE sql_trace_rollup_rebuild_queue (
	experiment_id INTEGER NOT NULL,
	rollup_day DATE NOT NULL,
	rollup_family VARCHAR(50) NOT NULL,
	CONSTRAINT sql_trace_rollup_rebuild_queue_pk PRIMARY KEY (experiment_id, rollup_day, rollup_family)
);

-- @part finish

ALTER TABLE spans DROP COLUMN dimension_attributes;

CREATE INDEX index_trace_info_experiment_id_session_id ON trace_info (experiment_id, session_id);

CREATE INDEX idx_trace_rollups_lookup ON sql_trace_metric_daily_rollups (experiment_id, rollup_day, metric_name, grouping_set, trace_status);

CREATE INDEX idx_span_cost_rollups_lookup ON sql_span_cost_daily_rollups (experiment_id, rollup_day, metric_name, grouping_set, model_name(64), model_provider(64));

CREATE INDEX idx_assessment_rollups_lookup ON sql_assessment_daily_rollups (experiment_id, rollup_day, metric_name, grouping_set);

CREATE INDEX idx_spans_cost_trace_time_cover ON spans (trace_id, start_time_unix_nano);

CREATE INDEX idx_spans_cost_exp_time_cover ON spans (experiment_id, start_time_unix_nano);

CREATE INDEX idx_assessments_exp_trace_ts ON assessments (experiment_id, trace_timestamp_ms);

CREATE INDEX idx_assessments_exp_trace_ts_name ON assessments (experiment_id, trace_timestamp_ms, name);

CREATE INDEX idx_assessments_exp_name_valid ON assessments (experiment_id, name, valid);
