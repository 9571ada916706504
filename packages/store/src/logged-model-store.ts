// The logged-model area of the tracking store (MLflow 3 LoggedModel): create, read, tag, search.
import type {
  LoggedModel,
  LoggedModelComparison,
  LoggedModelOrderTerm,
  LoggedModelParameter,
  LoggedModelStatus,
  LoggedModelTag,
} from '@mlflow-ts/protocol';

export interface CreateLoggedModelInput {
  /** As sent: MLflow parses it for the lookup but keeps the text for its SQL parameters. */
  experimentId: string;
  /** Absent → a generated "adjective-animal-123" name, as MLflow generates run names. */
  name?: string;
  modelType: string;
  sourceRunId: string;
  params?: LoggedModelParameter[];
  tags?: LoggedModelTag[];
}

/** A dataset restriction; a null digest matches metrics logged without one. */
export interface LoggedModelDatasetFilter {
  name: string;
  digest: string | null;
}

export interface SearchLoggedModelsInput {
  experimentIds: string[];
  filter: LoggedModelComparison[];
  datasets: LoggedModelDatasetFilter[];
  /** Checked terms; MLflow's tie-breaks are added by the store. */
  orderBy: LoggedModelOrderTerm[];
  offset: number;
  maxResults: number;
}

export interface LoggedModelPage {
  items: LoggedModel[];
  /** A row past the page exists (MLflow reads one row ahead). */
  hasMore: boolean;
}

export interface LoggedModelStore {
  createLoggedModel(input: CreateLoggedModelInput): Promise<LoggedModel>;
  /** Throws RESOURCE_DOES_NOT_EXIST "Logged model with ID '…' not found."; deleted ones only when allowed. */
  getLoggedModel(modelId: string, allowDeleted?: boolean): Promise<LoggedModel>;
  finalizeLoggedModel(modelId: string, status: LoggedModelStatus): Promise<LoggedModel>;
  /** Soft delete: the row stays with lifecycle_stage 'deleted'. */
  deleteLoggedModel(modelId: string): Promise<void>;
  /** Upserts; a key repeated in one call keeps its last value. */
  setLoggedModelTags(modelId: string, tags: LoggedModelTag[]): Promise<void>;
  deleteLoggedModelTag(modelId: string, key: string): Promise<void>;
  /** Params are immutable: logging a key again is MLflow's integrity error (BAD_REQUEST). */
  logLoggedModelParams(modelId: string, params: LoggedModelParameter[]): Promise<void>;
  searchLoggedModels(input: SearchLoggedModelsInput): Promise<LoggedModelPage>;
}
