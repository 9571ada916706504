-- c3d9e7f1a2b4 on MySQL/MariaDB — add target value to budget policies.

ALTER TABLE budget_policies ADD COLUMN target_value VARCHAR(255);

CREATE INDEX idx_budget_policies_target_value ON budget_policies (target_value);
