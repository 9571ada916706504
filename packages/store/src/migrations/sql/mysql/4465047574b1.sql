-- 4465047574b1 on MySQL/MariaDB — increase max dataset schema size.

ALTER TABLE datasets MODIFY dataset_schema MEDIUMTEXT NULL;
