-- da6fb0208061 on PostgreSQL — add workspaces trace archival location.

ALTER TABLE trace_info ADD COLUMN db_payload_generation INTEGER DEFAULT '0' NOT NULL;

ALTER TABLE workspaces ADD COLUMN trace_archival_location TEXT;

ALTER TABLE workspaces ADD COLUMN trace_archival_retention VARCHAR(32);
