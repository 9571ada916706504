-- 4465047574b1 on PostgreSQL — increase max dataset schema size.


