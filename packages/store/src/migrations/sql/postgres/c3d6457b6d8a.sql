-- c3d6457b6d8a on PostgreSQL — add status details column to jobs table.

ALTER TABLE jobs ADD COLUMN status_details JSON;
