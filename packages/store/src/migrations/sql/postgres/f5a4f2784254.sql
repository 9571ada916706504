-- f5a4f2784254 on PostgreSQL — increase run tag value limit.

ALTER TABLE tags ALTER COLUMN value TYPE VARCHAR(8000);
