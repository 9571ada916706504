// The tracking store interface, split by area; the SQL store implements it on MLflow's own schema.
import type {
  DatasetInput,
  DatasetSummary,
  Experiment,
  ExperimentTag,
  Filter,
  Metric,
  MetricEnvelope,
  MetricEnvelopeQuery,
  MetricWithRunId,
  ModelInput,
  MoveRunsInput,
  ModelOutput,
  OrderBy,
  Param,
  Run,
  RunInfo,
  RunStatus,
  RunTag,
  ViewType,
} from '@mlflow-ts/protocol';
import type { WebhookStore } from './webhook-store.js';
import type { LoggedModelStore } from './logged-model-store.js';
import type { RegistryStore } from './registry-store.js';

/** A page of results and the token of the next page, absent on the last one. */
export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

export interface CreateExperimentInput {
  name: string;
  /** Absent → `<defaultArtifactRoot>/<id>`. */
  artifactLocation?: string;
  tags?: ExperimentTag[];
}

export interface SearchExperimentsInput {
  viewType: ViewType;
  maxResults: number;
  filter: Filter;
  orderBy: OrderBy[];
  pageToken?: string;
}

export interface ExperimentStore {
  createExperiment(input: CreateExperimentInput): Promise<string>;
  /** Returns deleted experiments too; throws RESOURCE_DOES_NOT_EXIST. */
  getExperiment(experimentId: string): Promise<Experiment>;
  /** null when no experiment has that name (deleted ones count). */
  getExperimentByName(name: string): Promise<Experiment | null>;
  searchExperiments(input: SearchExperimentsInput): Promise<Page<Experiment>>;
  /** Also marks every run of the experiment deleted. */
  deleteExperiment(experimentId: string): Promise<void>;
  restoreExperiment(experimentId: string): Promise<void>;
  renameExperiment(experimentId: string, newName: string): Promise<void>;
  setExperimentTag(experimentId: string, tag: ExperimentTag): Promise<void>;
  deleteExperimentTag(experimentId: string, key: string): Promise<void>;
}

export interface CreateRunInput {
  experimentId: string;
  userId?: string;
  startTime?: number;
  runName?: string;
  tags?: RunTag[];
}

export interface UpdateRunInput {
  status?: RunStatus;
  endTime?: number;
  runName?: string;
}

export interface SearchRunsInput {
  experimentIds: string[];
  filter: Filter;
  viewType: ViewType;
  maxResults: number;
  orderBy: OrderBy[];
  pageToken?: string;
}

export interface RunStore {
  createRun(input: CreateRunInput): Promise<Run>;
  updateRun(runId: string, input: UpdateRunInput): Promise<RunInfo>;
  /** Throws RESOURCE_DOES_NOT_EXIST "Run with id=X not found". */
  getRun(runId: string): Promise<Run>;
  deleteRun(runId: string): Promise<void>;
  restoreRun(runId: string): Promise<void>;
  searchRuns(input: SearchRunsInput): Promise<Page<Run>>;
  /** mlflow-ts extension: all-or-nothing move to another active experiment; artifact_uri unchanged. */
  moveRuns(input: MoveRunsInput): Promise<RunInfo[]>;
}

export interface LogBatchInput {
  metrics?: Metric[];
  params?: Param[];
  tags?: RunTag[];
}

export interface LoggingStore {
  logMetric(runId: string, metric: Metric): Promise<void>;
  logParam(runId: string, param: Param): Promise<void>;
  setTag(runId: string, tag: RunTag): Promise<void>;
  deleteTag(runId: string, key: string): Promise<void>;
  /** All or nothing, in one transaction. */
  logBatch(runId: string, batch: LogBatchInput): Promise<void>;
  logInputs(runId: string, datasets: DatasetInput[], models?: ModelInput[]): Promise<void>;
  logOutputs(runId: string, models: ModelOutput[]): Promise<void>;
}

export interface MetricHistoryInput {
  maxResults?: number;
  pageToken?: string;
}

/** Points of one metric as columns (NaN values are NaN); typed arrays keep them off the V8 heap. */
export interface MetricPoints {
  readonly key: string;
  readonly length: number;
  readonly values: Float64Array;
  readonly timestamps: Float64Array;
  readonly steps: Float64Array;
}

/** A metric history in bounded chunks, for replies streamed as they are read. */
export interface MetricHistoryChunks extends AsyncIterable<MetricPoints> {
  /** MLflow's next-page token, known once the chunks are exhausted (maxResults paging only). */
  readonly nextPageToken: string | undefined;
}

export interface BulkIntervalInput {
  runIds: string[];
  metricKey: string;
  startStep?: number;
  endStep?: number;
  maxResults: number;
}

export interface MetricHistoryStore {
  /** Ordered by timestamp, step, value; paged only when maxResults is given. */
  getMetricHistory(runId: string, key: string, input?: MetricHistoryInput): Promise<Page<Metric>>;
  /** The same points as getMetricHistory, read a bounded chunk at a time. */
  metricHistoryChunks(runId: string, key: string, input?: MetricHistoryInput): MetricHistoryChunks;
  /** Ordered by run_id, then timestamp, step, value. */
  getMetricHistoryBulk(runIds: string[], key: string, maxResults: number): Promise<MetricWithRunId[]>;
  getMetricHistoryBulkInterval(input: BulkIntervalInput): Promise<MetricWithRunId[]>;
  /** mlflow-ts extension: min/max envelopes over step buckets, one per run in request order. */
  getMetricHistoryEnvelope(query: MetricEnvelopeQuery): Promise<MetricEnvelope[]>;
}

export interface DatasetStore {
  searchDatasets(experimentIds: string[]): Promise<DatasetSummary[]>;
}

export interface TrackingStore
  extends ExperimentStore, RunStore, LoggingStore, MetricHistoryStore, DatasetStore {
  /** Store kind reported by server-info, e.g. "SqlStore". */
  readonly storeType: string;
  /** MLflow 3 logged models (the models `log_model` creates). */
  readonly loggedModels: LoggedModelStore;
  /** The webhooks of the model registry (MLflow keeps them in the same database). */
  readonly webhooks: WebhookStore;
  /** The model registry (registered models, versions, tags, aliases) in the same database. */
  readonly registry: RegistryStore;
  close(): Promise<void>;
}
