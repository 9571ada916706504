-- f4a9b2c7d1e6 on PostgreSQL — make mcp versions case sensitive.


