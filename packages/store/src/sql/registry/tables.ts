// Kysely row types of MLflow 3.18.0's model registry tables, and a handle typed with them.
import type { Kysely } from 'kysely';
import type { Executor } from '../context.js';

export interface RegisteredModelsTable {
  name: string;
  creation_time: number | null;
  last_updated_time: number | null;
  description: string | null;
  workspace: string;
}

export interface ModelVersionsTable {
  name: string;
  version: number;
  creation_time: number | null;
  last_updated_time: number | null;
  description: string | null;
  user_id: string | null;
  current_stage: string | null;
  source: string | null;
  run_id: string | null;
  status: string | null;
  status_message: string | null;
  run_link: string | null;
  storage_location: string | null;
  workspace: string;
}

export interface RegisteredModelTagsTable {
  key: string;
  value: string | null;
  name: string;
  workspace: string;
}

export interface ModelVersionTagsTable {
  key: string;
  value: string | null;
  name: string;
  version: number;
  workspace: string;
}

export interface RegisteredModelAliasesTable {
  alias: string;
  version: number;
  name: string;
  workspace: string;
}

/** Read only: a model version made from a logged model takes its location and run from here. */
export interface LoggedModelLookupTable {
  model_id: string;
  artifact_location: string;
  source_run_id: string | null;
}

export type RegistryTables = {
  registered_models: RegisteredModelsTable;
  model_versions: ModelVersionsTable;
  registered_model_tags: RegisteredModelTagsTable;
  model_version_tags: ModelVersionTagsTable;
  registered_model_aliases: RegisteredModelAliasesTable;
  logged_models: LoggedModelLookupTable;
};

export type RegistryExecutor = Kysely<RegistryTables>;

/** The same connection, seen with the registry tables (they are not part of the tracking table map). */
export function registryTables(tx: Executor): RegistryExecutor {
  return tx.withTables<RegistryTables>() as unknown as RegistryExecutor;
}

/** MLflow 3.18 scopes every registry row by workspace; without workspaces enabled it is this one. */
export const WORKSPACE = 'default';
