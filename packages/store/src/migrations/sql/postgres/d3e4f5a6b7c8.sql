-- d3e4f5a6b7c8 on PostgreSQL — add display name to endpoint bindings.

ALTER TABLE endpoint_bindings ADD COLUMN display_name VARCHAR(255);
