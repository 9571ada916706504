-- 5b0e9adcef9c on SQLite — add cascade deletion to trace tables fk.

CREATE TABLE _alembic_tmp_trace_tags (
	"key" VARCHAR(250) NOT NULL,
	value VARCHAR(8000),
	request_id VARCHAR(50) NOT NULL,
	CONSTRAINT trace_tag_pk PRIMARY KEY ("key", request_id),
	CONSTRAINT fk_trace_tags_request_id FOREIGN KEY(request_id) REFERENCES trace_info (request_id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_trace_tags ("key", value, request_id) SELECT trace_tags."key", trace_tags.value, trace_tags.request_id
FROM trace_tags;

DROP TABLE trace_tags;

ALTER TABLE _alembic_tmp_trace_tags RENAME TO trace_tags;

CREATE INDEX index_trace_tags_request_id ON trace_tags (request_id);

CREATE TABLE _alembic_tmp_trace_request_metadata (
	"key" VARCHAR(250) NOT NULL,
	value VARCHAR(8000),
	request_id VARCHAR(50) NOT NULL,
	CONSTRAINT trace_request_metadata_pk PRIMARY KEY ("key", request_id),
	CONSTRAINT fk_trace_request_metadata_request_id FOREIGN KEY(request_id) REFERENCES trace_info (request_id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_trace_request_metadata ("key", value, request_id) SELECT trace_request_metadata."key", trace_request_metadata.value, trace_request_metadata.request_id
FROM trace_request_metadata;

DROP TABLE trace_request_metadata;

ALTER TABLE _alembic_tmp_trace_request_metadata RENAME TO trace_request_metadata;

CREATE INDEX index_trace_request_metadata_request_id ON trace_request_metadata (request_id);
