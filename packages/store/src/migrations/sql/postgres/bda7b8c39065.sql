-- bda7b8c39065 on PostgreSQL — increase model version tag value limit.

ALTER TABLE model_version_tags ALTER COLUMN value TYPE TEXT;
