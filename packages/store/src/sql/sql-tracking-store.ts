// The TrackingStore over MLflow's SQL schema: each method delegates to its area module.
import type {
  DatasetInput,
  DatasetSummary,
  Experiment,
  ExperimentTag,
  Metric,
  MetricEnvelope,
  MetricEnvelopeQuery,
  MoveRunsInput,
  MetricWithRunId,
  ModelInput,
  ModelOutput,
  Param,
  Run,
  RunInfo,
  RunTag,
} from '@mlflow-ts/protocol';
import type {
  BulkIntervalInput,
  CreateExperimentInput,
  CreateRunInput,
  LogBatchInput,
  MetricHistoryChunks,
  MetricHistoryInput,
  Page,
  SearchExperimentsInput,
  SearchRunsInput,
  TrackingStore,
  UpdateRunInput,
} from '../tracking-store.js';
import { getMetricHistoryBulkInterval } from './bulk-interval.js';
import type { StoreContext } from './context.js';
import { searchDatasets } from './datasets.js';
import { searchExperiments } from './experiment-search.js';
import { deleteExperimentTag, setExperimentTag } from './experiment-tags.js';
import * as experiments from './experiments.js';
import * as logging from './logging.js';
import { getMetricHistory, getMetricHistoryBulk } from './metric-history.js';
import { metricHistoryChunks } from './metric-history-chunks.js';
import { getMetricHistoryEnvelope } from './ext/metric-envelope.js';
import { moveRuns } from './ext/move-runs.js';
import { searchRuns } from './run-search.js';
import * as runs from './runs.js';
import { SqlWebhookStore } from './webhooks/sql-webhook-store.js';
import { SqlLoggedModelStore } from './logged-models/sql-logged-model-store.js';
import { SqlRegistryStore } from './registry/sql-registry-store.js';

export class SqlTrackingStore implements TrackingStore {
  // Methods are async so that validation errors thrown before any query become rejections.
  /** What MLflow's server-info reports for its SQLAlchemy store. */
  readonly storeType = 'SqlStore';
  readonly loggedModels: SqlLoggedModelStore;

  readonly webhooks: SqlWebhookStore;
  readonly registry: SqlRegistryStore;

  constructor(private readonly ctx: StoreContext) {
    this.loggedModels = new SqlLoggedModelStore(ctx);
    this.webhooks = new SqlWebhookStore(ctx);
    this.registry = new SqlRegistryStore(ctx);
  }

  async createExperiment(input: CreateExperimentInput): Promise<string> {
    return experiments.createExperiment(this.ctx, input);
  }
  async getExperiment(experimentId: string): Promise<Experiment> {
    return experiments.getExperiment(this.ctx, experimentId);
  }
  async getExperimentByName(name: string): Promise<Experiment | null> {
    return experiments.getExperimentByName(this.ctx, name);
  }
  async searchExperiments(input: SearchExperimentsInput): Promise<Page<Experiment>> {
    return searchExperiments(this.ctx, input);
  }
  async deleteExperiment(experimentId: string): Promise<void> {
    return experiments.deleteExperiment(this.ctx, experimentId);
  }
  async restoreExperiment(experimentId: string): Promise<void> {
    return experiments.restoreExperiment(this.ctx, experimentId);
  }
  async renameExperiment(experimentId: string, newName: string): Promise<void> {
    return experiments.renameExperiment(this.ctx, experimentId, newName);
  }
  async setExperimentTag(experimentId: string, tag: ExperimentTag): Promise<void> {
    return setExperimentTag(this.ctx, experimentId, tag);
  }
  async deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    return deleteExperimentTag(this.ctx, experimentId, key);
  }

  async createRun(input: CreateRunInput): Promise<Run> {
    return runs.createRun(this.ctx, input);
  }
  async updateRun(runId: string, input: UpdateRunInput): Promise<RunInfo> {
    return runs.updateRun(this.ctx, runId, input);
  }
  async getRun(runId: string): Promise<Run> {
    return runs.getRun(this.ctx, runId);
  }
  async deleteRun(runId: string): Promise<void> {
    return runs.deleteRun(this.ctx, runId);
  }
  async restoreRun(runId: string): Promise<void> {
    return runs.restoreRun(this.ctx, runId);
  }
  async searchRuns(input: SearchRunsInput): Promise<Page<Run>> {
    return searchRuns(this.ctx, input);
  }

  async logMetric(runId: string, metric: Metric): Promise<void> {
    return logging.logMetric(this.ctx, runId, metric);
  }
  async logParam(runId: string, param: Param): Promise<void> {
    return logging.logParam(this.ctx, runId, param);
  }
  async setTag(runId: string, tag: RunTag): Promise<void> {
    return logging.setTag(this.ctx, runId, tag);
  }
  async deleteTag(runId: string, key: string): Promise<void> {
    return logging.deleteTag(this.ctx, runId, key);
  }
  async logBatch(runId: string, batch: LogBatchInput): Promise<void> {
    return logging.logBatch(this.ctx, runId, batch);
  }
  async logInputs(runId: string, datasets: DatasetInput[], models?: ModelInput[]): Promise<void> {
    return logging.logInputs(this.ctx, runId, datasets, models);
  }
  async logOutputs(runId: string, models: ModelOutput[]): Promise<void> {
    return logging.logOutputs(this.ctx, runId, models);
  }

  async getMetricHistory(runId: string, key: string, input?: MetricHistoryInput): Promise<Page<Metric>> {
    return getMetricHistory(this.ctx, runId, key, input);
  }
  metricHistoryChunks(runId: string, key: string, input?: MetricHistoryInput): MetricHistoryChunks {
    return metricHistoryChunks(this.ctx, runId, key, input);
  }
  async getMetricHistoryBulk(runIds: string[], key: string, maxResults: number): Promise<MetricWithRunId[]> {
    return getMetricHistoryBulk(this.ctx, runIds, key, maxResults);
  }
  async getMetricHistoryBulkInterval(input: BulkIntervalInput): Promise<MetricWithRunId[]> {
    return getMetricHistoryBulkInterval(this.ctx, input);
  }
  async getMetricHistoryEnvelope(query: MetricEnvelopeQuery): Promise<MetricEnvelope[]> {
    return getMetricHistoryEnvelope(this.ctx, query);
  }
  async moveRuns(input: MoveRunsInput): Promise<RunInfo[]> {
    return moveRuns(this.ctx, input);
  }

  async searchDatasets(experimentIds: string[]): Promise<DatasetSummary[]> {
    return searchDatasets(this.ctx, experimentIds);
  }

  async close(): Promise<void> {
    return this.ctx.db.destroy();
  }
}
