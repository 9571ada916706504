// The model registry store interface (MLflow's model_registry AbstractStore), per area like tracking-store.ts.
import type {
  Filter,
  ModelVersion,
  ModelVersionTag,
  OrderBy,
  RegisteredModel,
  RegisteredModelTag,
} from '@mlflow-ts/protocol';
import type { Page } from './tracking-store.js';

export interface CreateRegisteredModelInput {
  name: string;
  tags?: RegisteredModelTag[];
  /** '' is stored as given; MLflow's entity leaves an empty description out of the answer. */
  description?: string;
}

export interface SearchRegistryInput {
  filter: Filter;
  /** Parsed order_by; empty = the store's default order. */
  orderBy: OrderBy[];
  maxResults: number;
  pageToken?: string;
}

export interface RegisteredModelStore {
  /** Throws RESOURCE_ALREADY_EXISTS (with MLflow's model/prompt wording) for a taken name. */
  createRegisteredModel(input: CreateRegisteredModelInput): Promise<RegisteredModel>;
  getRegisteredModel(name: string): Promise<RegisteredModel>;
  /** Versions, tags and aliases follow the new name; every version's last-updated time moves. */
  renameRegisteredModel(name: string, newName: string): Promise<RegisteredModel>;
  updateRegisteredModel(name: string, description: string): Promise<RegisteredModel>;
  /** Removes the model with its versions (deleted ones too), tags and aliases. */
  deleteRegisteredModel(name: string): Promise<void>;
  searchRegisteredModels(input: SearchRegistryInput): Promise<Page<RegisteredModel>>;
  /** Newest version per stage; `stages` empty = every stage. */
  getLatestVersions(name: string, stages: readonly string[]): Promise<ModelVersion[]>;
  setRegisteredModelTag(name: string, tag: RegisteredModelTag): Promise<void>;
  deleteRegisteredModelTag(name: string, key: string): Promise<void>;
}

export interface CreateModelVersionInput {
  name: string;
  source: string;
  runId?: string;
  tags?: ModelVersionTag[];
  runLink?: string;
  description?: string;
  /** A logged model the version comes from: its source run fills a missing run id. */
  modelId?: string;
}

export interface ModelVersionStore {
  /** Takes the next number after the highest ever used (deleted versions keep theirs). */
  createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion>;
  getModelVersion(name: string, version: string): Promise<ModelVersion>;
  /** `description` undefined clears it (MLflow stores None). */
  updateModelVersion(name: string, version: string, description: string | undefined): Promise<ModelVersion>;
  transitionModelVersionStage(
    name: string,
    version: string,
    stage: string,
    archiveExistingVersions: boolean,
  ): Promise<ModelVersion>;
  /** Hides the version (stage Deleted_Internal, fields redacted) and drops its aliases. */
  deleteModelVersion(name: string, version: string): Promise<void>;
  getModelVersionDownloadUri(name: string, version: string): Promise<string>;
  searchModelVersions(input: SearchRegistryInput): Promise<Page<ModelVersion>>;
  setModelVersionTag(name: string, version: string, tag: ModelVersionTag): Promise<void>;
  deleteModelVersionTag(name: string, version: string, key: string): Promise<void>;
}

export interface AliasStore {
  setRegisteredModelAlias(name: string, alias: string, version: string): Promise<void>;
  deleteRegisteredModelAlias(name: string, alias: string): Promise<void>;
  /** `latest` (any case) is the highest live version; other names must be set aliases. */
  getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion>;
}

export interface RegistryStore extends RegisteredModelStore, ModelVersionStore, AliasStore {}
