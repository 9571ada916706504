-- 6953534de441 on SQLite — add step to inputs table.

ALTER TABLE inputs ADD COLUMN step BIGINT DEFAULT '0' NOT NULL;
