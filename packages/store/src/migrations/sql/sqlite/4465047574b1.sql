-- 4465047574b1 on SQLite — increase max dataset schema size.

-- Nothing changes here: the dataset schema column is already unbounded TEXT; only MySQL widens it.
