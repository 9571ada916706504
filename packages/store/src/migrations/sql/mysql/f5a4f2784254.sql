-- f5a4f2784254 on MySQL/MariaDB — increase run tag value limit.

ALTER TABLE tags MODIFY value VARCHAR(8000) NULL;
