-- c9d4e5f6a7b8 on SQLite — add routing strategy to endpoints.

ALTER TABLE endpoints ADD COLUMN routing_strategy VARCHAR(64);

ALTER TABLE endpoints ADD COLUMN fallback_config_json TEXT;

ALTER TABLE endpoint_model_mappings ADD COLUMN linkage_type VARCHAR(64) DEFAULT 'PRIMARY' NOT NULL;

ALTER TABLE endpoint_model_mappings ADD COLUMN fallback_order INTEGER;

DROP INDEX unique_endpoint_model_mapping;

CREATE UNIQUE INDEX unique_endpoint_model_linkage_mapping ON endpoint_model_mappings (endpoint_id, model_definition_id, linkage_type);
