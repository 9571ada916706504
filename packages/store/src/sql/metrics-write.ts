// Writing metric points: history rows (exact duplicates skipped), latest_metrics, logged-model metrics.
import { ErrorCode, MlflowError, type Metric } from '@mlflow-ts/protocol';
import type { Executor, StoreContext } from './context.js';
import type { RunRow } from './run-rows.js';
import type { LatestMetricsTable, MetricsTable } from './tables.js';
import { directSqlite, insertMetricRows, upsertRowsDirect } from './direct-writes.js';
import { preparedStatement } from '../dialects/sqlite-handle.js';
import { chunks, dbBool, insertIgnoringDuplicates } from './writes.js';

/** SQL cannot hold ±Infinity; MLflow stores the largest double instead (and reads that back). */
const MAX_DOUBLE = 1.7976931348623157e308;

interface Point {
  key: string;
  value: number;
  timestamp: number;
  step: number;
  isNan: boolean;
}

/** NaN → (is_nan, 0); ±Infinity → ±MAX_DOUBLE; anything else unchanged. */
export function sanitizeMetricValue(value: number): { isNan: boolean; value: number } {
  if (Number.isNaN(value)) return { isNan: true, value: 0 };
  if (!Number.isFinite(value)) return { isNan: false, value: value > 0 ? MAX_DOUBLE : -MAX_DOUBLE };
  return { isNan: false, value };
}

/**
 * MLflow's latest-metric order: strictly greater (step, timestamp, value) wins, comparing the
 * sanitized value (NaN counts as 0), so ties keep the point that was there first.
 */
function isNewer(a: Point, b: { step: number; timestamp: number | null; value: number }): boolean {
  if (a.step !== b.step) return a.step > b.step;
  const bt = b.timestamp ?? Number.NEGATIVE_INFINITY;
  if (a.timestamp !== bt) return a.timestamp > bt;
  return a.value > b.value;
}

/**
 * Exact duplicates are not removed here: the history insert skips rows whose whole primary key is
 * already there, within one statement too, on every backend, and a duplicate cannot change the
 * latest point. (Building a string id per point to find them cost more than decoding the request.)
 */
function toPoints(metrics: readonly Metric[]): Point[] {
  const points = new Array<Point>(metrics.length);
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i] as Metric;
    const { isNan, value } = sanitizeMetricValue(m.value);
    points[i] = { key: m.key, value, timestamp: m.timestamp, step: m.step ?? 0, isNan };
  }
  return points;
}

type StoredLatest = { step: number; timestamp: number | null; value: number };

/** The latest_metrics rows of `keys` on the run (SQLite: one primary-key lookup per key). */
async function storedLatest(
  tx: Executor,
  ctx: StoreContext,
  runId: string,
  keys: readonly string[],
): Promise<Map<string, StoredLatest>> {
  const stored = new Map<string, StoredLatest>();
  const handle = directSqlite(ctx);
  if (handle) {
    const statement = preparedStatement(
      handle,
      'SELECT step, timestamp, value FROM latest_metrics WHERE "key" = ? AND run_uuid = ?',
    );
    for (const key of keys) {
      const row = statement.get(key, runId) as StoredLatest | undefined;
      if (row) stored.set(key, row);
    }
    return stored;
  }
  for (const part of chunks(keys, 500)) {
    const rows = await tx
      .selectFrom('latest_metrics')
      .select(['key', 'step', 'timestamp', 'value'])
      .where('run_uuid', '=', runId)
      .where('key', 'in', part)
      .execute();
    for (const row of rows) stored.set(row.key, row);
  }
  return stored;
}

/** Reads the current latest rows once per batch and writes one row per key that moved. */
async function updateLatestMetrics(
  tx: Executor,
  ctx: StoreContext,
  runId: string,
  points: readonly Point[],
): Promise<void> {
  const best = new Map<string, Point>();
  for (const p of points) {
    const current = best.get(p.key);
    if (!current || isNewer(p, current)) best.set(p.key, p);
  }
  const stored = await storedLatest(tx, ctx, runId, [...best.keys()]);
  const changed: LatestMetricsTable[] = [];
  for (const p of best.values()) {
    const old = stored.get(p.key);
    if (old && !isNewer(p, old)) continue;
    changed.push({
      run_uuid: runId,
      key: p.key,
      value: p.value,
      timestamp: p.timestamp,
      step: p.step,
      is_nan: dbBool(ctx.dialect, p.isNan),
    });
  }
  if (changed.length === 0) return;
  await upsertRowsDirect(
    tx,
    ctx,
    'latest_metrics',
    changed,
    ['key', 'run_uuid'],
    ['value', 'timestamp', 'step', 'is_nan'],
  );
}

/** Metrics that name a logged model are also recorded on the model, as MLflow's _log_model_metrics does. */
async function writeModelMetrics(
  tx: Executor,
  ctx: StoreContext,
  run: RunRow,
  metrics: readonly Metric[],
): Promise<void> {
  const rows = metrics
    .filter((m): m is Metric & { model_id: string } => typeof m.model_id === 'string' && m.model_id !== '')
    .map((m) => ({
      model_id: m.model_id,
      metric_name: m.key,
      metric_timestamp_ms: m.timestamp,
      metric_step: m.step ?? 0,
      metric_value: sanitizeMetricValue(m.value).value,
      experiment_id: run.experiment_id ?? 0,
      run_id: run.run_uuid,
      dataset_uuid: null,
      dataset_name: m.dataset_name ?? null,
      dataset_digest: m.dataset_digest ?? null,
    }));
  if (rows.length === 0) return;
  try {
    await insertIgnoringDuplicates(tx, ctx.dialect, 'logged_model_metrics', rows);
  } catch (error) {
    if (ctx.dialect.classifyError(error) !== 'foreign-key-violation') throw error;
    // MLflow surfaces the failed foreign key (unknown model) as BAD_REQUEST with the driver text.
    const statement =
      'INSERT INTO logged_model_metrics (model_id, metric_name, metric_timestamp_ms, metric_step, metric_value, experiment_id, run_id, dataset_uuid, dataset_name, dataset_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    const first = rows[0] ?? {};
    throw new MlflowError(
      ErrorCode.BAD_REQUEST,
      ctx.dialect.integrityErrorText(error, statement, Object.values(first)),
    );
  }
}

/** Logs metric points on an active run inside the caller's transaction. */
export async function writeMetrics(
  tx: Executor,
  ctx: StoreContext,
  run: RunRow,
  metrics: readonly Metric[],
): Promise<void> {
  if (metrics.length === 0) return;
  await writeModelMetrics(tx, ctx, run, metrics);
  const points = toPoints(metrics);
  const rows: MetricsTable[] = points.map((p) => ({
    run_uuid: run.run_uuid,
    key: p.key,
    value: p.value,
    timestamp: p.timestamp,
    step: p.step,
    is_nan: dbBool(ctx.dialect, p.isNan),
  }));
  // Exact duplicates (all primary-key columns equal) are ignored, as MLflow does.
  await insertMetricRows(tx, ctx, rows);
  await updateLatestMetrics(tx, ctx, run.run_uuid, points);
}
