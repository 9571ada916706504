-- cbc13b556ace on SQLite — add v3 trace schema columns.

ALTER TABLE trace_info ADD COLUMN client_request_id VARCHAR(50);

ALTER TABLE trace_info ADD COLUMN request_preview VARCHAR(1000);

ALTER TABLE trace_info ADD COLUMN response_preview VARCHAR(1000);
