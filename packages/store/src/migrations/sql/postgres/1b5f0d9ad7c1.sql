-- 1b5f0d9ad7c1 on PostgreSQL — add workspace columns and catalog.

ALTER TABLE experiments DROP CONSTRAINT experiments_name_key;

ALTER TABLE experiments ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

ALTER TABLE experiments ADD CONSTRAINT uq_experiments_workspace_name UNIQUE (workspace, name);

ALTER TABLE model_versions DROP CONSTRAINT model_versions_name_fkey;

ALTER TABLE registered_model_tags DROP CONSTRAINT registered_model_tags_name_fkey;

ALTER TABLE registered_model_aliases DROP CONSTRAINT registered_model_alias_name_fkey;

ALTER TABLE model_version_tags DROP CONSTRAINT model_version_tags_name_version_fkey;

ALTER TABLE registered_models ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

ALTER TABLE registered_models DROP CONSTRAINT registered_model_pk;

ALTER TABLE registered_models ADD CONSTRAINT registered_model_pk PRIMARY KEY (workspace, name);

ALTER TABLE model_versions ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

ALTER TABLE model_versions DROP CONSTRAINT model_version_pk;

ALTER TABLE model_versions ADD CONSTRAINT model_version_pk PRIMARY KEY (workspace, name, version);

ALTER TABLE model_versions ADD CONSTRAINT fk_model_versions_registered_models FOREIGN KEY(workspace, name) REFERENCES registered_models (workspace, name) ON UPDATE CASCADE;

ALTER TABLE registered_model_tags ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

ALTER TABLE registered_model_tags DROP CONSTRAINT registered_model_tag_pk;

ALTER TABLE registered_model_tags ADD CONSTRAINT registered_model_tag_pk PRIMARY KEY (workspace, key, name);

ALTER TABLE registered_model_tags ADD CONSTRAINT fk_registered_model_tags_registered_models FOREIGN KEY(workspace, name) REFERENCES registered_models (workspace, name) ON UPDATE CASCADE;

ALTER TABLE model_version_tags ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

ALTER TABLE model_version_tags DROP CONSTRAINT model_version_tag_pk;

ALTER TABLE model_version_tags ADD CONSTRAINT model_version_tag_pk PRIMARY KEY (workspace, key, name, version);

ALTER TABLE model_version_tags ADD CONSTRAINT fk_model_version_tags_model_versions FOREIGN KEY(workspace, name, version) REFERENCES model_versions (workspace, name, version) ON UPDATE CASCADE;

ALTER TABLE registered_model_aliases ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

ALTER TABLE registered_model_aliases DROP CONSTRAINT registered_model_alias_pk;

ALTER TABLE registered_model_aliases ADD CONSTRAINT registered_model_alias_pk PRIMARY KEY (workspace, name, alias);

ALTER TABLE registered_model_aliases ADD CONSTRAINT fk_registered_model_aliases_registered_models FOREIGN KEY(workspace, name) REFERENCES registered_models (workspace, name) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE evaluation_datasets ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

ALTER TABLE webhooks ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

DROP INDEX unique_secret_name;

ALTER TABLE secrets ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

ALTER TABLE secrets ADD CONSTRAINT uq_secrets_workspace_secret_name UNIQUE (workspace, secret_name);

DROP INDEX unique_endpoint_name;

ALTER TABLE endpoints ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

ALTER TABLE endpoints ADD CONSTRAINT uq_endpoints_workspace_name UNIQUE (workspace, name);

DROP INDEX unique_model_definition_name;

ALTER TABLE model_definitions ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

ALTER TABLE model_definitions ADD CONSTRAINT uq_model_definitions_workspace_name UNIQUE (workspace, name);

DROP INDEX index_jobs_name_status_creation_time;

ALTER TABLE jobs ADD COLUMN workspace VARCHAR(63) DEFAULT 'default' NOT NULL;

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
