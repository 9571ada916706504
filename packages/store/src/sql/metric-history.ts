// Metric history of one run (offset-paged) and of several runs at once (bulk), in MLflow's orders.
import { decodePageToken, encodePageToken, type Metric, type MetricWithRunId } from '@mlflow-ts/protocol';
import type { MetricHistoryInput, Page } from '../tracking-store.js';
import type { StoreContext } from './context.js';
import { metricValue } from './run-data.js';
import { chunks } from './writes.js';

/**
 * Ordered by timestamp, step, value. Unknown runs and keys give an empty list (MLflow 3.18 does
 * not check the run). With maxResults, one extra row decides whether a next page exists.
 */
export async function getMetricHistory(
  ctx: StoreContext,
  runId: string,
  key: string,
  input: MetricHistoryInput = {},
): Promise<Page<Metric>> {
  const offset = decodePageToken(input.pageToken);
  let query = ctx.db
    .selectFrom('metrics')
    .select(['key', 'value', 'timestamp', 'step', 'is_nan'])
    .where('run_uuid', '=', runId)
    .where('key', '=', key)
    .orderBy('timestamp')
    .orderBy('step')
    .orderBy('value')
    // Ties left by MLflow's order are settled as metric-history-chunks.ts settles them.
    .orderBy('is_nan');
  // OFFSET without LIMIT is not portable SQL; a token without maxResults is skipped in memory.
  if (input.maxResults !== undefined) query = query.limit(input.maxResults + 1).offset(offset);
  let rows = await query.execute();
  if (input.maxResults === undefined && offset > 0) rows = rows.slice(offset);
  const page: Page<Metric> = { items: [] };
  if (input.maxResults !== undefined && rows.length > input.maxResults) {
    rows.length = input.maxResults;
    page.nextPageToken = encodePageToken(offset + input.maxResults);
  }
  page.items = rows.map((r) => ({
    key: r.key,
    value: metricValue(r.value, r.is_nan),
    timestamp: r.timestamp,
    step: r.step,
  }));
  return page;
}

/** Ordered by run id, then timestamp, step, value; at most maxResults points in total. */
export async function getMetricHistoryBulk(
  ctx: StoreContext,
  runIds: string[],
  key: string,
  maxResults: number,
): Promise<MetricWithRunId[]> {
  const out: MetricWithRunId[] = [];
  // Sorted id batches keep the global run-id order across several IN queries.
  for (const part of chunks([...new Set(runIds)].sort(), 500)) {
    if (out.length >= maxResults) break;
    const rows = await ctx.db
      .selectFrom('metrics')
      .select(['run_uuid', 'key', 'value', 'timestamp', 'step', 'is_nan'])
      .where('key', '=', key)
      .where('run_uuid', 'in', part)
      .orderBy('run_uuid')
      .orderBy('timestamp')
      .orderBy('step')
      .orderBy('value')
      .limit(maxResults - out.length)
      .execute();
    for (const r of rows) {
      out.push({
        key: r.key,
        value: metricValue(r.value, r.is_nan),
        timestamp: r.timestamp,
        step: r.step,
        run_id: r.run_uuid,
      });
    }
  }
  return out;
}
