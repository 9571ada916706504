-- 7d34483879f0 on PostgreSQL — add model version tags workspace index.

CREATE INDEX idx_model_version_tags_workspace_name_version ON model_version_tags (workspace, name, version);

CREATE INDEX idx_registered_model_tags_workspace_name ON registered_model_tags (workspace, name);
