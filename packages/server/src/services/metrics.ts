// Metric history rules of MLflow's handlers: paging only on request, bulk and bulk-interval arguments.
import {
  validateBulkIntervalRequest,
  validateHistoryBulkRequest,
  validateMetricHistoryMaxResults,
  type Metric,
  type MetricWithRunId,
} from '@mlflow-ts/protocol';
import type { MetricHistoryChunks, Page, TrackingStore } from '@mlflow-ts/store';

export interface BulkIntervalCommand {
  run_ids: string[];
  metric_key: string;
  start_step?: number;
  end_step?: number;
  max_results?: number;
}

export interface HistoryBulkCommand {
  run_id: string[];
  metric_key?: string;
  /** The raw query text: MLflow converts it itself. */
  max_results?: string;
}

export class MetricsService {
  constructor(private readonly store: TrackingStore) {}

  /** Without max_results the whole history comes back in one page, as in MLflow. */
  history(
    runId: string,
    metricKey: string,
    maxResults: number | undefined,
    pageToken: string,
  ): Promise<Page<Metric>> {
    validateMetricHistoryMaxResults(maxResults);
    return this.store.getMetricHistory(runId, metricKey, { maxResults, pageToken: pageToken || undefined });
  }

  /** The same history read a bounded chunk at a time, for replies too long to build whole. */
  historyChunks(
    runId: string,
    metricKey: string,
    maxResults: number | undefined,
    pageToken: string,
  ): MetricHistoryChunks {
    validateMetricHistoryMaxResults(maxResults);
    return this.store.metricHistoryChunks(runId, metricKey, {
      maxResults,
      pageToken: pageToken || undefined,
    });
  }

  /** Sampling happens in the store; this checks the step window and applies the default size. */
  bulkInterval(command: BulkIntervalCommand): Promise<MetricWithRunId[]> {
    const query = validateBulkIntervalRequest(command);
    return this.store.getMetricHistoryBulkInterval({
      runIds: [...query.run_ids],
      metricKey: query.metric_key,
      startStep: query.start_step,
      endStep: query.end_step,
      maxResults: query.max_results,
    });
  }

  /** The UI's non-proto bulk history: at most max_results points over all runs together. */
  async bulk(command: HistoryBulkCommand): Promise<MetricWithRunId[]> {
    const query = validateHistoryBulkRequest(command);
    const metrics = await this.store.getMetricHistoryBulk(
      [...query.run_ids],
      query.metric_key,
      query.max_results,
    );
    return metrics.slice(0, query.max_results);
  }
}
