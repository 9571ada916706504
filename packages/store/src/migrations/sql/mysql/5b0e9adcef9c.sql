-- 5b0e9adcef9c on MySQL/MariaDB — add cascade deletion to trace tables fk.

ALTER TABLE trace_tags DROP FOREIGN KEY fk_trace_tags_request_id;

ALTER TABLE trace_tags ADD CONSTRAINT fk_trace_tags_request_id FOREIGN KEY(request_id) REFERENCES trace_info (request_id) ON DELETE CASCADE;

ALTER TABLE trace_request_metadata DROP FOREIGN KEY fk_trace_request_metadata_request_id;

ALTER TABLE trace_request_metadata ADD CONSTRAINT fk_trace_request_metadata_request_id FOREIGN KEY(request_id) REFERENCES trace_info (request_id) ON DELETE CASCADE;
