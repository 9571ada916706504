-- 17e22815139b on MySQL/MariaDB — increase experiment tag value limit.

ALTER TABLE experiment_tags MODIFY value MEDIUMTEXT NULL;
