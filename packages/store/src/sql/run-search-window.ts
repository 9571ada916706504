// search-runs ordered by a metric: walk that metric's best values first instead of sorting every run.
import { sql, type RawBuilder } from 'kysely';
import type { OrderBy } from '@mlflow-ts/protocol';
import type { SqlDialect } from '../dialects/dialect.js';
import type { Executor } from './context.js';
import { runOrdering } from './run-order.js';
import type { RunRow } from './run-rows.js';
import { dbBool } from './writes.js';

/** Rows of the ordering metric read per row wanted, before giving up on the window (about 6% selectivity). */
const WINDOW_PER_ROW = 16;
const MIN_WINDOW = 4_096;

export interface WindowQuery {
  /** The first order_by entry, a metric. */
  first: OrderBy;
  /** The remaining order_by entries (ties on the metric's value). */
  rest: readonly OrderBy[];
  /** Experiment, lifecycle stage and filter conditions on `runs`. */
  where: RawBuilder<unknown>[];
  limit: number;
  offset: number;
}

type WindowRow = RunRow & { mlflow_ts_window_value: number };

/**
 * The page (plus its look-ahead row) when every row of it has a non-NaN value of the ordering
 * metric and the answer is provably the full query's; undefined otherwise (the caller then runs
 * the full query).
 *
 * The full order puts runs whose metric is a number first, by value, then NaN, then missing. The
 * window is the first W such values of the metric over all runs (the mlflow_ts_latest_metrics_
 * key_value index reads them in order); the filters and the remaining order terms apply within it,
 * and the database stops as soon as it has the page. The page is exact when the window held every
 * value of the metric, or when the page's last value is strictly better than the window's last one:
 * any run outside the window then sorts after the whole page, ties included.
 */
export async function searchByMetricWindow(
  tx: Executor,
  dialect: SqlDialect,
  q: WindowQuery,
): Promise<RunRow[] | undefined> {
  const need = q.offset + q.limit;
  const window = Math.max(MIN_WINDOW, need * WINDOW_PER_ROW);
  const direction = sql.raw(q.first.ascending ? 'ASC' : 'DESC');
  const notNan = dbBool(dialect, false);
  // Only the first metric is the window; later order_by entries join as in the full query.
  const { joins, terms } = runOrdering(dialect, q.rest);
  const metricRows = sql`SELECT run_uuid, value FROM latest_metrics WHERE ${sql.ref('key')} = ${q.first.key} AND is_nan = ${notNan} ORDER BY value ${direction}`;
  // CROSS JOIN keeps the window as the outer loop on SQLite (it never reorders one); elsewhere it
  // is an inner join the planner may arrange as it likes.
  const rows = (
    await sql<WindowRow>`
      SELECT runs.*, w.value AS mlflow_ts_window_value
      FROM (${metricRows} LIMIT ${window}) w CROSS JOIN runs ${sql.join(joins, sql` `)}
      WHERE runs.run_uuid = w.run_uuid AND ${sql.join(q.where, sql` AND `)}
      ORDER BY w.value ${direction}, ${sql.join(terms)}
      LIMIT ${q.limit} OFFSET ${q.offset}`.execute(tx)
  ).rows;
  if (rows.length < q.limit) return undefined; // NaN or missing values may follow: the full query decides
  const last = rows[rows.length - 1]?.mlflow_ts_window_value;
  const edge = (await sql<{ value: number }>`${metricRows} LIMIT 1 OFFSET ${window - 1}`.execute(tx)).rows[0]
    ?.value;
  if (edge !== undefined && (last === undefined || (q.first.ascending ? !(last < edge) : !(last > edge)))) {
    return undefined;
  }
  return rows.map(({ mlflow_ts_window_value: _, ...row }) => row);
}
