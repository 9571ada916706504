-- Indexes mlflow-ts adds to MLflow's schema, for speed only. They are named mlflow_ts_* so schema
-- comparisons can tell them from MLflow's, and are created IF NOT EXISTS on every open, so a
-- database written by MLflow gains them too (MLflow itself ignores unknown indexes).
--
-- Considered and left out: a covering (run_uuid, key, timestamp, step, value, is_nan) index on
-- metrics. It made a 20k-point history read ~25% faster but every logged point ~25% slower;
-- logging is the hot path, and MLflow's (run_uuid, key, step) index already finds the rows.

-- search-runs filters by experiment and orders by start_time DESC by default; MLflow has no index
-- on runs.experiment_id, so every search scanned all runs of all experiments.
CREATE INDEX IF NOT EXISTS mlflow_ts_runs_experiment_start_time ON runs (experiment_id, start_time);

-- search-runs ordered by a metric reads that metric's values best first (run-search-window.ts)
-- and stops once the page is full, instead of sorting every run of the experiment. latest_metrics
-- holds one row per run and key, so this costs a logged batch one entry per key, not per point.
CREATE INDEX IF NOT EXISTS mlflow_ts_latest_metrics_key_value ON latest_metrics ("key", value, is_nan, run_uuid);
