-- c3d6457b6d8a on MySQL/MariaDB — add status details column to jobs table.

ALTER TABLE jobs ADD COLUMN status_details JSON;
