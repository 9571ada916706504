// Kysely row types for the MLflow 3.18.0 tables the tracking store reads and writes.
import type { Generated } from 'kysely';

/**
 * Booleans are 0/1 on SQLite and MySQL and true/false on PostgreSQL; readers use `Boolean(x)`,
 * writers go through `dbBool` so each dialect gets its own literal.
 */
export type DbBool = number | boolean;

export interface ExperimentsTable {
  experiment_id: Generated<number>;
  name: string;
  artifact_location: string | null;
  lifecycle_stage: string | null;
  creation_time: number | null;
  last_update_time: number | null;
  workspace: Generated<string>;
}

export interface ExperimentTagsTable {
  key: string;
  value: string | null;
  experiment_id: number;
}

export interface RunsTable {
  run_uuid: string;
  name: string | null;
  source_type: string | null;
  source_name: string | null;
  entry_point_name: string | null;
  user_id: string | null;
  status: string | null;
  start_time: number | null;
  end_time: number | null;
  deleted_time: number | null;
  source_version: string | null;
  lifecycle_stage: string | null;
  artifact_uri: string | null;
  experiment_id: number | null;
}

export interface RunTagsTable {
  key: string;
  value: string | null;
  run_uuid: string;
}

export interface ParamsTable {
  key: string;
  value: string;
  run_uuid: string;
}

export interface MetricsTable {
  key: string;
  value: number;
  timestamp: number;
  run_uuid: string;
  step: number;
  is_nan: DbBool;
}

export interface LatestMetricsTable {
  key: string;
  value: number;
  timestamp: number | null;
  step: number;
  is_nan: DbBool;
  run_uuid: string;
}

export interface DatasetsTable {
  dataset_uuid: string;
  experiment_id: number;
  name: string;
  digest: string;
  dataset_source_type: string;
  dataset_source: string;
  dataset_schema: string | null;
  dataset_profile: string | null;
}

export interface InputsTable {
  input_uuid: string;
  source_type: string;
  source_id: string;
  destination_type: string;
  destination_id: string;
  step: Generated<number>;
}

export interface InputTagsTable {
  input_uuid: string;
  name: string;
  value: string;
}

export interface LoggedModelMetricsTable {
  model_id: string;
  metric_name: string;
  metric_timestamp_ms: number;
  metric_step: number;
  metric_value: number | null;
  experiment_id: number;
  run_id: string;
  dataset_uuid: string | null;
  dataset_name: string | null;
  dataset_digest: string | null;
}

export interface AssessmentsTable {
  assessment_id: string;
  assessment_metadata: string | null;
}

export interface AlembicVersionTable {
  version_num: string;
}

export interface MlflowDatabase {
  experiments: ExperimentsTable;
  experiment_tags: ExperimentTagsTable;
  runs: RunsTable;
  tags: RunTagsTable;
  params: ParamsTable;
  metrics: MetricsTable;
  latest_metrics: LatestMetricsTable;
  datasets: DatasetsTable;
  inputs: InputsTable;
  input_tags: InputTagsTable;
  logged_model_metrics: LoggedModelMetricsTable;
  assessments: AssessmentsTable;
  alembic_version: AlembicVersionTable;
}
