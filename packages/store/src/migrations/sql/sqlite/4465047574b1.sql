-- 4465047574b1 on SQLite — increase max dataset schema size.


