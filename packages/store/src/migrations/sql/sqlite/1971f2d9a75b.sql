-- 1971f2d9a75b on SQLite — add trace archival candidate index.

CREATE INDEX index_trace_info_timestamp_ms_request_id ON trace_info (timestamp_ms, request_id);
