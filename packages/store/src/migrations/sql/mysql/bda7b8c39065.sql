-- bda7b8c39065 on MySQL/MariaDB — increase model version tag value limit.

ALTER TABLE model_version_tags MODIFY value TEXT NULL;
