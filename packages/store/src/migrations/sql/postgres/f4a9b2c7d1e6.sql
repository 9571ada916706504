-- f4a9b2c7d1e6 on PostgreSQL — make mcp versions case sensitive.

-- Nothing changes here: these columns already compare case-sensitively; only MySQL/MariaDB switch to a binary collation.
