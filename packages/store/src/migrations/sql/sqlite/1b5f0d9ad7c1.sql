-- 1b5f0d9ad7c1 on SQLite — add workspace columns and catalog.

CREATE TABLE _alembic_tmp_experiments (
	experiment_id INTEGER NOT NULL,
	name VARCHAR(256) NOT NULL,
	artifact_location VARCHAR(256),
	lifecycle_stage VARCHAR(32),
	creation_time BIGINT,
	last_update_time BIGINT,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT experiment_pk PRIMARY KEY (experiment_id),
	CONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')),
	CONSTRAINT uq_experiments_workspace_name UNIQUE (workspace, name)
);

INSERT INTO _alembic_tmp_experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time) SELECT experiments.experiment_id, experiments.name, experiments.artifact_location, experiments.lifecycle_stage, experiments.creation_time, experiments.last_update_time
FROM experiments;

DROP TABLE experiments;

ALTER TABLE _alembic_tmp_experiments RENAME TO experiments;

CREATE TABLE _alembic_tmp_registered_models (
	name VARCHAR(256) NOT NULL,
	creation_time BIGINT,
	last_updated_time BIGINT,
	description VARCHAR(5000),
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT registered_model_pk PRIMARY KEY (workspace, name)
);

INSERT INTO _alembic_tmp_registered_models (name, creation_time, last_updated_time, description) SELECT registered_models.name, registered_models.creation_time, registered_models.last_updated_time, registered_models.description
FROM registered_models;

DROP TABLE registered_models;

ALTER TABLE _alembic_tmp_registered_models RENAME TO registered_models;

CREATE TABLE _alembic_tmp_model_versions (
	name VARCHAR(256) NOT NULL,
	version INTEGER NOT NULL,
	creation_time BIGINT,
	last_updated_time BIGINT,
	description VARCHAR(5000),
	user_id VARCHAR(256),
	current_stage VARCHAR(20),
	source VARCHAR(500),
	run_id VARCHAR(32),
	status VARCHAR(20),
	status_message VARCHAR(500),
	run_link VARCHAR(500),
	storage_location VARCHAR(500),
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT model_version_pk PRIMARY KEY (workspace, name, version),
	CONSTRAINT fk_model_versions_registered_models FOREIGN KEY(workspace, name) REFERENCES registered_models (workspace, name) ON UPDATE CASCADE
);

INSERT INTO _alembic_tmp_model_versions (name, version, creation_time, last_updated_time, description, user_id, current_stage, source, run_id, status, status_message, run_link, storage_location) SELECT model_versions.name, model_versions.version, model_versions.creation_time, model_versions.last_updated_time, model_versions.description, model_versions.user_id, model_versions.current_stage, model_versions.source, model_versions.run_id, model_versions.status, model_versions.status_message, model_versions.run_link, model_versions.storage_location
FROM model_versions;

DROP TABLE model_versions;

ALTER TABLE _alembic_tmp_model_versions RENAME TO model_versions;

CREATE TABLE _alembic_tmp_registered_model_tags (
	"key" VARCHAR(250) NOT NULL,
	value VARCHAR(5000),
	name VARCHAR(256) NOT NULL,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT registered_model_tag_pk PRIMARY KEY (workspace, "key", name),
	CONSTRAINT fk_registered_model_tags_registered_models FOREIGN KEY(workspace, name) REFERENCES registered_models (workspace, name) ON UPDATE CASCADE
);

INSERT INTO _alembic_tmp_registered_model_tags ("key", value, name) SELECT registered_model_tags."key", registered_model_tags.value, registered_model_tags.name
FROM registered_model_tags;

DROP TABLE registered_model_tags;

ALTER TABLE _alembic_tmp_registered_model_tags RENAME TO registered_model_tags;

CREATE TABLE _alembic_tmp_model_version_tags (
	"key" VARCHAR(250) NOT NULL,
	value TEXT,
	name VARCHAR(256) NOT NULL,
	version INTEGER NOT NULL,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT model_version_tag_pk PRIMARY KEY (workspace, "key", name, version),
	CONSTRAINT fk_model_version_tags_model_versions FOREIGN KEY(workspace, name, version) REFERENCES model_versions (workspace, name, version) ON UPDATE CASCADE
);

INSERT INTO _alembic_tmp_model_version_tags ("key", value, name, version) SELECT model_version_tags."key", model_version_tags.value, model_version_tags.name, model_version_tags.version
FROM model_version_tags;

DROP TABLE model_version_tags;

ALTER TABLE _alembic_tmp_model_version_tags RENAME TO model_version_tags;

CREATE TABLE _alembic_tmp_registered_model_aliases (
	alias VARCHAR(256) NOT NULL,
	version INTEGER NOT NULL,
	name VARCHAR(256) NOT NULL,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT registered_model_alias_pk PRIMARY KEY (workspace, name, alias),
	CONSTRAINT fk_registered_model_aliases_registered_models FOREIGN KEY(workspace, name) REFERENCES registered_models (workspace, name) ON DELETE CASCADE ON UPDATE CASCADE
);

INSERT INTO _alembic_tmp_registered_model_aliases (alias, version, name) SELECT registered_model_aliases.alias, registered_model_aliases.version, registered_model_aliases.name
FROM registered_model_aliases;

DROP TABLE registered_model_aliases;

ALTER TABLE _alembic_tmp_registered_model_aliases RENAME TO registered_model_aliases;

CREATE TABLE _alembic_tmp_evaluation_datasets (
	dataset_id VARCHAR(36) NOT NULL,
	name VARCHAR(255) NOT NULL,
	schema TEXT,
	profile TEXT,
	digest VARCHAR(64),
	created_time BIGINT,
	last_update_time BIGINT,
	created_by VARCHAR(255),
	last_updated_by VARCHAR(255),
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT evaluation_datasets_pk PRIMARY KEY (dataset_id)
);

INSERT INTO _alembic_tmp_evaluation_datasets (dataset_id, name, schema, profile, digest, created_time, last_update_time, created_by, last_updated_by) SELECT evaluation_datasets.dataset_id, evaluation_datasets.name, evaluation_datasets.schema, evaluation_datasets.profile, evaluation_datasets.digest, evaluation_datasets.created_time, evaluation_datasets.last_update_time, evaluation_datasets.created_by, evaluation_datasets.last_updated_by
FROM evaluation_datasets;

DROP TABLE evaluation_datasets;

ALTER TABLE _alembic_tmp_evaluation_datasets RENAME TO evaluation_datasets;

CREATE INDEX index_evaluation_datasets_created_time ON evaluation_datasets (created_time);

CREATE INDEX index_evaluation_datasets_name ON evaluation_datasets (name);

CREATE TABLE _alembic_tmp_webhooks (
	webhook_id VARCHAR(256) NOT NULL,
	name VARCHAR(256) NOT NULL,
	description VARCHAR(1000),
	url VARCHAR(500) NOT NULL,
	status VARCHAR(20) DEFAULT 'ACTIVE' NOT NULL,
	secret VARCHAR(1000),
	creation_timestamp BIGINT,
	last_updated_timestamp BIGINT,
	deleted_timestamp BIGINT,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT webhook_pk PRIMARY KEY (webhook_id)
);

INSERT INTO _alembic_tmp_webhooks (webhook_id, name, description, url, status, secret, creation_timestamp, last_updated_timestamp, deleted_timestamp) SELECT webhooks.webhook_id, webhooks.name, webhooks.description, webhooks.url, webhooks.status, webhooks.secret, webhooks.creation_timestamp, webhooks.last_updated_timestamp, webhooks.deleted_timestamp
FROM webhooks;

DROP TABLE webhooks;

ALTER TABLE _alembic_tmp_webhooks RENAME TO webhooks;

CREATE INDEX idx_webhooks_name ON webhooks (name);

CREATE INDEX idx_webhooks_status ON webhooks (status);

CREATE TABLE _alembic_tmp_secrets (
	secret_id VARCHAR(36) NOT NULL,
	secret_name VARCHAR(255) NOT NULL,
	encrypted_value BLOB NOT NULL,
	wrapped_dek BLOB NOT NULL,
	kek_version INTEGER NOT NULL,
	masked_value VARCHAR(500) NOT NULL,
	provider VARCHAR(64),
	auth_config TEXT,
	description TEXT,
	created_by VARCHAR(255),
	created_at BIGINT NOT NULL,
	last_updated_by VARCHAR(255),
	last_updated_at BIGINT NOT NULL,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT secrets_pk PRIMARY KEY (secret_id),
	CONSTRAINT uq_secrets_workspace_secret_name UNIQUE (workspace, secret_name)
);

INSERT INTO _alembic_tmp_secrets (secret_id, secret_name, encrypted_value, wrapped_dek, kek_version, masked_value, provider, auth_config, description, created_by, created_at, last_updated_by, last_updated_at) SELECT secrets.secret_id, secrets.secret_name, secrets.encrypted_value, secrets.wrapped_dek, secrets.kek_version, secrets.masked_value, secrets.provider, secrets.auth_config, secrets.description, secrets.created_by, secrets.created_at, secrets.last_updated_by, secrets.last_updated_at
FROM secrets;

DROP TABLE secrets;

ALTER TABLE _alembic_tmp_secrets RENAME TO secrets;

DROP TRIGGER IF EXISTS prevent_secrets_aad_mutation;

CREATE TRIGGER prevent_secrets_aad_mutation
BEFORE UPDATE ON secrets
FOR EACH ROW
WHEN OLD.secret_id != NEW.secret_id OR OLD.secret_name != NEW.secret_name
BEGIN
    SELECT RAISE(ABORT, 'secret_id and secret_name are immutable (used as AAD in encryption)');
END;

CREATE TABLE _alembic_tmp_endpoints (
	endpoint_id VARCHAR(36) NOT NULL,
	name VARCHAR(255),
	created_by VARCHAR(255),
	created_at BIGINT NOT NULL,
	last_updated_by VARCHAR(255),
	last_updated_at BIGINT NOT NULL,
	routing_strategy VARCHAR(64),
	fallback_config_json TEXT,
	experiment_id INTEGER,
	usage_tracking BOOLEAN DEFAULT '0' NOT NULL,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT endpoints_pk PRIMARY KEY (endpoint_id),
	CONSTRAINT fk_endpoints_experiment_id FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id) ON DELETE SET NULL,
	CONSTRAINT uq_endpoints_workspace_name UNIQUE (workspace, name)
);

INSERT INTO _alembic_tmp_endpoints (endpoint_id, name, created_by, created_at, last_updated_by, last_updated_at, routing_strategy, fallback_config_json, experiment_id, usage_tracking) SELECT endpoints.endpoint_id, endpoints.name, endpoints.created_by, endpoints.created_at, endpoints.last_updated_by, endpoints.last_updated_at, endpoints.routing_strategy, endpoints.fallback_config_json, endpoints.experiment_id, endpoints.usage_tracking
FROM endpoints;

DROP TABLE endpoints;

ALTER TABLE _alembic_tmp_endpoints RENAME TO endpoints;

CREATE TABLE _alembic_tmp_model_definitions (
	model_definition_id VARCHAR(36) NOT NULL,
	name VARCHAR(255) NOT NULL,
	secret_id VARCHAR(36),
	provider VARCHAR(64) NOT NULL,
	model_name VARCHAR(256) NOT NULL,
	created_by VARCHAR(255),
	created_at BIGINT NOT NULL,
	last_updated_by VARCHAR(255),
	last_updated_at BIGINT NOT NULL,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT model_definitions_pk PRIMARY KEY (model_definition_id),
	CONSTRAINT fk_model_definitions_secret_id FOREIGN KEY(secret_id) REFERENCES secrets (secret_id) ON DELETE SET NULL,
	CONSTRAINT uq_model_definitions_workspace_name UNIQUE (workspace, name)
);

INSERT INTO _alembic_tmp_model_definitions (model_definition_id, name, secret_id, provider, model_name, created_by, created_at, last_updated_by, last_updated_at) SELECT model_definitions.model_definition_id, model_definitions.name, model_definitions.secret_id, model_definitions.provider, model_definitions.model_name, model_definitions.created_by, model_definitions.created_at, model_definitions.last_updated_by, model_definitions.last_updated_at
FROM model_definitions;

DROP TABLE model_definitions;

ALTER TABLE _alembic_tmp_model_definitions RENAME TO model_definitions;

CREATE INDEX index_model_definitions_secret_id ON model_definitions (secret_id);

CREATE INDEX index_model_definitions_provider ON model_definitions (provider);

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
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT jobs_pk PRIMARY KEY (id)
);

INSERT INTO _alembic_tmp_jobs (id, creation_time, job_name, params, timeout, status, result, retry_count, last_update_time) SELECT jobs.id, jobs.creation_time, jobs.job_name, jobs.params, jobs.timeout, jobs.status, jobs.result, jobs.retry_count, jobs.last_update_time
FROM jobs;

DROP TABLE jobs;

ALTER TABLE _alembic_tmp_jobs RENAME TO jobs;

CREATE INDEX index_jobs_name_status_creation_time ON jobs (job_name, workspace, status, creation_time);

CREATE INDEX idx_experiments_workspace ON experiments (workspace);

CREATE INDEX idx_registered_models_workspace ON registered_models (workspace);

CREATE INDEX idx_experiments_workspace_creation_time ON experiments (workspace, creation_time);

CREATE INDEX idx_evaluation_datasets_workspace ON evaluation_datasets (workspace);

CREATE INDEX idx_webhooks_workspace ON webhooks (workspace);

CREATE INDEX idx_secrets_workspace ON secrets (workspace);

CREATE INDEX idx_endpoints_workspace ON endpoints (workspace);

CREATE INDEX idx_model_definitions_workspace ON model_definitions (workspace);

CREATE TABLE workspaces (
	name VARCHAR(63) NOT NULL,
	description TEXT,
	default_artifact_root TEXT,
	CONSTRAINT workspaces_pk PRIMARY KEY (name)
);

INSERT INTO workspaces (name, description) VALUES ('default', 'Default workspace for legacy resources');
