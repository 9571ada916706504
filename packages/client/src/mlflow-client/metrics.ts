// MlflowClient metric histories: one metric's full history (all pages) and the sampled bulk-interval view.
import { trackingEndpoints as t, type Metric, type MetricWithRunId } from '@mlflow-ts/protocol';
import type { CoreConstructor } from './client-core.js';

/** Python's GET_METRIC_HISTORY_MAX_RESULTS: the page size it asks for. */
export const GET_METRIC_HISTORY_MAX_RESULTS = 25000;

export interface BulkIntervalOptions {
  readonly startStep?: number;
  readonly endStep?: number;
  /** Points per run; the server samples down to this many (its default is 1000, at most 2500). */
  readonly maxResults?: number;
}

/**
 * Adds the metric-history calls to a client class (a mixin; MlflowClient composes them all).
 *
 * @example
 * class MyClient extends MetricsApi(ClientCore) {}
 */
export function MetricsApi<B extends CoreConstructor>(Base: B) {
  return class MetricsApi extends Base {
    /**
     * Every logged value of one metric of a run, following pages until the last.
     *
     * @example
     * const history = await client.getMetricHistory(runId, 'loss');
     */
    async getMetricHistory(runId: string, key: string): Promise<Metric[]> {
      const out: Metric[] = [];
      let pageToken: string | undefined;
      do {
        const res = await this.rest.call(t.getMetricHistory, {
          run_id: runId,
          metric_key: key,
          max_results: GET_METRIC_HISTORY_MAX_RESULTS,
          page_token: pageToken,
        });
        out.push(...(res.metrics ?? []));
        pageToken = res.next_page_token || undefined;
      } while (pageToken !== undefined);
      return out;
    }

    /**
     * A metric's history over several runs, sampled to at most `maxResults` points per run
     * between optional steps (what MLflow's UI charts use).
     *
     * @example
     * const points = await client.getMetricHistoryBulkInterval([runA, runB], 'loss', { maxResults: 100 });
     */
    async getMetricHistoryBulkInterval(
      runIds: readonly string[],
      key: string,
      options: BulkIntervalOptions = {},
    ): Promise<MetricWithRunId[]> {
      const res = await this.rest.call(t.getMetricHistoryBulkInterval, {
        run_ids: [...runIds],
        metric_key: key,
        start_step: options.startStep,
        end_step: options.endStep,
        max_results: options.maxResults,
      });
      return res.metrics ?? [];
    }
  };
}
