-- f4a9b2c7d1e6 on SQLite — make mcp versions case sensitive.


