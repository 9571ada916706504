-- 3da73c924c2f on PostgreSQL — add outputs to dataset record.

ALTER TABLE evaluation_dataset_records ADD COLUMN outputs JSON;
