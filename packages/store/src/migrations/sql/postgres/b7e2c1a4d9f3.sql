-- b7e2c1a4d9f3 on PostgreSQL — add jobs creator.

ALTER TABLE jobs ADD COLUMN creator VARCHAR(255);
