-- f4a9b2c7d1e6 on MySQL/MariaDB — make mcp versions case sensitive.

ALTER TABLE mcp_server_version_tags DROP FOREIGN KEY mcp_server_version_tags_version_fkey;

DROP INDEX ix_mcp_access_endpoints_version ON mcp_access_endpoints;

ALTER TABLE mcp_server_version_tags DROP PRIMARY KEY;

ALTER TABLE mcp_server_versions DROP PRIMARY KEY;

ALTER TABLE mcp_server_versions MODIFY version VARCHAR(128) COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE mcp_server_version_tags MODIFY version VARCHAR(128) COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE mcp_server_aliases MODIFY version VARCHAR(128) COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE mcp_access_endpoints MODIFY server_version VARCHAR(128) COLLATE utf8mb4_bin NULL;

ALTER TABLE mcp_server_versions ADD CONSTRAINT mcp_server_versions_pk PRIMARY KEY (workspace, name, version);

ALTER TABLE mcp_server_version_tags ADD CONSTRAINT mcp_server_version_tags_pk PRIMARY KEY (workspace, name, version, `key`);

ALTER TABLE mcp_server_version_tags ADD CONSTRAINT mcp_server_version_tags_version_fkey FOREIGN KEY(workspace, name, version) REFERENCES mcp_server_versions (workspace, name, version) ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX ix_mcp_access_endpoints_version ON mcp_access_endpoints (workspace, server_name, server_version);
