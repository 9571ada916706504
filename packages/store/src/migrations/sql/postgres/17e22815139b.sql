-- 17e22815139b on PostgreSQL — increase experiment tag value limit.

ALTER TABLE experiment_tags ALTER COLUMN value TYPE TEXT;
