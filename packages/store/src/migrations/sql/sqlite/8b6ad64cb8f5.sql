-- 8b6ad64cb8f5 on SQLite — extend issue contract.

ALTER TABLE issues ADD COLUMN last_seen_timestamp BIGINT;

ALTER TABLE issues ADD COLUMN last_updated_by VARCHAR(255);

ALTER TABLE issues ADD COLUMN metadata TEXT;

CREATE INDEX index_issues_experiment_last_seen ON issues (experiment_id, last_seen_timestamp);

CREATE INDEX index_issues_experiment_updated ON issues (experiment_id, last_updated_timestamp);

CREATE TABLE issue_categories (
	issue_id VARCHAR(36) NOT NULL,
	category_hash VARCHAR(64) NOT NULL,
	category TEXT NOT NULL,
	CONSTRAINT issue_categories_pk PRIMARY KEY (issue_id, category_hash),
	CONSTRAINT fk_issue_categories_issue_id FOREIGN KEY(issue_id) REFERENCES issues (issue_id) ON DELETE CASCADE
);

CREATE INDEX index_issue_categories_hash ON issue_categories (category_hash);
