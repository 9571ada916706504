// Kysely row types of MLflow 3.18's logged_models, logged_model_tags and logged_model_params tables.
import type { Kysely } from 'kysely';
import type { Executor } from '../context.js';
import type { LoggedModelMetricsTable, MlflowDatabase } from '../tables.js';

export interface LoggedModelsTable {
  model_id: string;
  experiment_id: number;
  name: string;
  artifact_location: string;
  creation_timestamp_ms: number;
  last_updated_timestamp_ms: number;
  status: number;
  lifecycle_stage: string | null;
  model_type: string | null;
  source_run_id: string | null;
  status_message: string | null;
}

export interface LoggedModelTagsTable {
  model_id: string;
  experiment_id: number;
  tag_key: string;
  tag_value: string;
}

export interface LoggedModelParamsTable {
  model_id: string;
  experiment_id: number;
  param_key: string;
  param_value: string;
}

/** A type alias (not an interface) so it satisfies Kysely's withTables constraint. */
export type LoggedModelTables = {
  logged_models: LoggedModelsTable;
  logged_model_tags: LoggedModelTagsTable;
  logged_model_params: LoggedModelParamsTable;
  logged_model_metrics: LoggedModelMetricsTable;
};

export type LoggedModelDb = Kysely<MlflowDatabase & LoggedModelTables>;

/** The same connection, typed with the logged-model tables too. */
export function withModelTables(tx: Executor): LoggedModelDb {
  return tx.withTables<LoggedModelTables>();
}
