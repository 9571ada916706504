// Query functions of the runs feature: a page of search-runs, and min/max summaries of a metric.
import { metricEnvelopeEndpoints, trackingEndpoints } from '@mlflow-ts/protocol';
import { rest } from '../../../api/rest.js';
import { toRunRow, type RunRow } from '../lib/run-row.js';
import type { RunSearchParams } from './query-keys.js';

/** A small first page paints the table fast; later pages are larger to need fewer round trips. */
export const FIRST_PAGE_SIZE = 200;
export const NEXT_PAGE_SIZE = 1000;

export interface RunsPage {
  readonly rows: RunRow[];
  readonly nextPageToken: string | undefined;
}

export async function searchRunsPage(
  params: RunSearchParams,
  pageToken: string | undefined,
  signal?: AbortSignal,
): Promise<RunsPage> {
  const res = await rest.call(
    trackingEndpoints.searchRuns,
    {
      experiment_ids: [params.experimentId],
      filter: params.filter,
      run_view_type: params.view,
      order_by: [...params.orderBy],
      max_results: pageToken ? NEXT_PAGE_SIZE : FIRST_PAGE_SIZE,
      ...(pageToken ? { page_token: pageToken } : {}),
    },
    { signal },
  );
  return { rows: (res.runs ?? []).map(toRunRow), nextPageToken: res.next_page_token || undefined };
}

export interface MetricSummary {
  readonly min: number;
  readonly max: number;
}

/**
 * min and max of a metric's whole history per run, from the metric-envelope extension with one
 * bucket per run (aggregated in SQL, so the cost does not grow with the history length).
 */
export async function metricSummaries(
  metricKey: string,
  runIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, MetricSummary>> {
  const res = await rest.call(
    metricEnvelopeEndpoints.getMetricHistoryEnvelope,
    { run_ids: [...runIds], metric_key: metricKey, max_buckets: 1 },
    { signal },
  );
  const out = new Map<string, MetricSummary>();
  for (const env of res.envelopes ?? []) {
    const buckets = env.buckets ?? [];
    if (buckets.length === 0) continue;
    let min = Infinity;
    let max = -Infinity;
    for (const b of buckets) {
      min = Math.min(min, b.min_value);
      max = Math.max(max, b.max_value);
    }
    out.set(env.run_id, { min, max });
  }
  return out;
}
