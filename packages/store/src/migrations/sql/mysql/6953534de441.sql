-- 6953534de441 on MySQL/MariaDB — add step to inputs table.

ALTER TABLE inputs ADD COLUMN step BIGINT NOT NULL DEFAULT '0';
