// Logging rules of MLflow's handlers and store entry checks: metric/param/tag validation, batches, inputs.
import {
  validateLogBatch,
  validateLogInputs,
  validateLogModel,
  validateMetric,
  validateParam,
  validateRunTag,
  type DatasetInput,
  type Metric,
  type ModelInput,
  type ModelOutput,
  type Param,
  type RunTag,
} from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import { LOG_MODEL_HISTORY_TAG, appendModelHistory, modelHistoryEntry } from './model-history.js';

export interface LogBatchCommand {
  metrics: Metric[];
  params: Param[];
  tags: RunTag[];
}

export class LoggingService {
  constructor(private readonly store: TrackingStore) {}

  async logMetric(runId: string, metric: Metric): Promise<void> {
    validateMetric(metric);
    await this.store.logMetric(runId, metric);
  }

  /** The validators return what MLflow stores: over-long values truncated. */
  async logParam(runId: string, key: string, value: string): Promise<void> {
    await this.store.logParam(runId, validateParam({ key, value }));
  }

  async setTag(runId: string, key: string, value: string): Promise<void> {
    await this.store.setTag(runId, validateRunTag({ key, value }));
  }

  deleteTag(runId: string, key: string): Promise<void> {
    return this.store.deleteTag(runId, key);
  }

  /** Everything is checked before the store writes anything; the store then writes all or nothing. */
  async logBatch(runId: string, batch: LogBatchCommand): Promise<void> {
    const checked = validateLogBatch({ run_id: runId, ...batch });
    await this.store.logBatch(runId, {
      metrics: [...checked.metrics],
      params: checked.params,
      tags: checked.tags,
    });
  }

  /**
   * MLflow's record_logged_model: append the model's summary to the run's history tag. The run
   * is read first (unknown run → 404); the store's tag write refuses inactive runs.
   */
  async logModel(runId: string, modelJson: string): Promise<void> {
    const entry = modelHistoryEntry(validateLogModel({ model_json: modelJson }));
    const run = await this.store.getRun(runId);
    const previous = run.data.tags?.find((t) => t.key === LOG_MODEL_HISTORY_TAG)?.value;
    await this.store.setTag(runId, {
      key: LOG_MODEL_HISTORY_TAG,
      value: appendModelHistory(previous, entry),
    });
  }

  async logInputs(runId: string, datasets: DatasetInput[], models: ModelInput[]): Promise<void> {
    validateLogInputs({ run_id: runId, datasets });
    // MLflow passes models only when the request had some.
    await this.store.logInputs(runId, datasets, models.length > 0 ? models : undefined);
  }

  logOutputs(runId: string, models: ModelOutput[]): Promise<void> {
    return this.store.logOutputs(runId, models);
  }
}
