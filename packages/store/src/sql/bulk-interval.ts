// get-history-bulk-interval: MLflow 3.18's per-run sampling by row (NTILE buckets plus the last point).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { MlflowError, type MetricWithRunId } from '@mlflow-ts/protocol';
import { sqliteHandleOf } from '../dialects/sqlite-handle.js';
import type { BulkIntervalInput } from '../tracking-store.js';
import { inReadTransaction, readChangeStamp, type Executor, type StoreContext } from './context.js';
import { metricValue } from './run-data.js';

interface PointRow {
  value: number;
  timestamp: number;
  step: number;
  is_nan: unknown;
}

const COLUMNS = ['value', 'timestamp', 'step', 'is_nan'] as const;
const ORDER = ['step', 'timestamp', 'value', 'is_nan'] as const;
const list = (names: readonly string[]) => sql.join(names.map((n) => sql.ref(n)));

function scope(runId: string, key: string, input: BulkIntervalInput): RawBuilder<SqlBool> {
  const base = sql<SqlBool>`${sql.ref('run_uuid')} = ${runId} AND ${sql.ref('key')} = ${key}`;
  if (input.startStep === undefined || input.endStep === undefined) return base;
  return sql<SqlBool>`${base} AND ${sql.ref('step')} >= ${input.startStep} AND ${sql.ref('step')} <= ${input.endStep}`;
}

/**
 * MLflow 3.18 orders the run's points by (step, timestamp, value, is_nan), splits them into
 * `maxResults` NTILE buckets and keeps each bucket's first point, then makes sure the very last
 * point is there (appended, or replacing the last sample when full). Run as a window query that
 * is O(points) with a large constant (~220 ms for 100k points on SQLite), so we compute the same
 * row positions in JS instead — NTILE's bucket sizes are fixed by the row count alone — and find
 * the rows at those positions by walking MLflow's (run_uuid, key, step) index with OFFSET, which
 * the database skips over index entries without reading the table. The result is identical.
 */
export function samplePositions(count: number, maxResults: number): number[] {
  if (count <= maxResults) return Array.from({ length: count }, (_, i) => i);
  const size = Math.floor(count / maxResults);
  const larger = count % maxResults; // NTILE: the first `count % n` buckets hold one row more
  const positions: number[] = [];
  for (let i = 0; i < maxResults; i++) {
    positions.push(i < larger ? i * (size + 1) : larger * (size + 1) + (i - larger) * size);
  }
  // Positions are distinct rows of a primary-keyed order, so "not the same row" is "not N-1".
  positions[positions.length - 1] = count - 1;
  return positions;
}

async function countRows(tx: Executor, where: RawBuilder<SqlBool>): Promise<number> {
  const result = await sql<{ n: number | string | bigint }>`
    SELECT COUNT(*) AS n FROM metrics WHERE ${where}`.execute(tx);
  return Number(result.rows[0]?.n ?? 0);
}

/** Steps at `offset` (and the one before it when `offset` > 0), reading the step index only. */
async function stepsAt(
  tx: Executor,
  where: RawBuilder<SqlBool>,
  from: number | undefined,
  offset: number,
): Promise<number[]> {
  const lower = from === undefined ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.ref('step')} >= ${from}`;
  const before = offset > 0 ? 1 : 0;
  const result = await sql<{ step: number | string }>`
    SELECT ${sql.ref('step')} FROM metrics WHERE ${where} AND ${lower}
    ORDER BY ${sql.ref('step')} LIMIT ${before + 1} OFFSET ${offset - before}`.execute(tx);
  return result.rows.map((r) => Number(r.step));
}

async function countBetween(
  tx: Executor,
  where: RawBuilder<SqlBool>,
  from: number | undefined,
  below: number,
): Promise<number> {
  const lower = from === undefined ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.ref('step')} >= ${from}`;
  return countRows(tx, sql<SqlBool>`${where} AND ${lower} AND ${sql.ref('step')} < ${below}`);
}

interface Wanted {
  step: number;
  /** Position of the wanted row among the rows of its step. */
  within: number;
}

/**
 * For each position, its step and its rank inside that step. The walk keeps an anchor: a step
 * and the position of that step's first row, so each OFFSET only skips the gap since the last
 * sample. When the row before the position has a smaller step the position starts its step;
 * otherwise (several points on one step) the rows before it in the step are counted.
 */
async function locate(tx: Executor, where: RawBuilder<SqlBool>, positions: number[]): Promise<Wanted[]> {
  const wanted: Wanted[] = [];
  let anchorStep: number | undefined;
  let anchorPos = 0;
  for (const position of positions) {
    const steps = await stepsAt(tx, where, anchorStep, position - anchorPos);
    const step = steps[steps.length - 1];
    if (step === undefined) break; // rows vanished mid-read; cannot happen inside a transaction
    let first: number;
    if (steps.length === 2 && (steps[0] as number) < step) first = position;
    else if (position === 0) first = 0;
    else if (step === anchorStep) first = anchorPos;
    else first = anchorPos + (await countBetween(tx, where, anchorStep, step));
    wanted.push({ step, within: position - first });
    anchorStep = step;
    anchorPos = first;
  }
  return wanted;
}

/**
 * `locate` in one statement, for server databases: there each OFFSET step of the walk is a round
 * trip, and 320 samples made it ~150 ms on PostgreSQL, slower than MLflow. The positions are
 * numbered over the (run_uuid, key, step) index order; rank() gives the position of each step's
 * first row, so `within` needs no second pass. Ties inside a step may be numbered in any order:
 * only the step at a position and that step's first position are read, and both are fixed.
 */
async function locateByWindow(
  tx: Executor,
  where: RawBuilder<SqlBool>,
  positions: number[],
): Promise<Wanted[]> {
  const step = sql.ref('step');
  const result = await sql<{ step: number | string; sample_pos: unknown; step_first_pos: unknown }>`
    SELECT ${step}, sample_pos, step_first_pos FROM (
      SELECT ${step}, ROW_NUMBER() OVER (ORDER BY ${step}) - 1 AS sample_pos,
             RANK() OVER (ORDER BY ${step}) - 1 AS step_first_pos
      FROM metrics WHERE ${where}) numbered
    WHERE sample_pos IN (${sql.join(positions)})`.execute(tx);
  const byPosition = new Map(result.rows.map((r) => [Number(r.sample_pos), r]));
  const wanted: Wanted[] = [];
  for (const position of positions) {
    const row = byPosition.get(position);
    if (!row) break; // rows vanished mid-read; cannot happen inside a transaction
    wanted.push({ step: Number(row.step), within: position - Number(row.step_first_pos) });
  }
  return wanted;
}

function compareRows(a: PointRow, b: PointRow): number {
  return (
    Number(a.timestamp) - Number(b.timestamp) ||
    (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) ||
    Number(Boolean(a.is_nan)) - Number(Boolean(b.is_nan))
  );
}

/** The rows of the sampled steps, in one query per chunk of steps; picked by rank in the step. */
async function fetchWanted(
  ctx: StoreContext,
  tx: Executor,
  where: RawBuilder<SqlBool>,
  wanted: Wanted[],
): Promise<PointRow[]> {
  const steps = [...new Set(wanted.map((w) => w.step))];
  const byStep = new Map<number, PointRow[]>();
  const chunk = Math.max(1, ctx.dialect.maxBindParameters - 10);
  for (let i = 0; i < steps.length; i += chunk) {
    const part = steps.slice(i, i + chunk);
    const result = await sql<PointRow>`
      SELECT ${list(COLUMNS)} FROM metrics WHERE ${where} AND ${sql.ref('step')} IN (${sql.join(part)})`.execute(
      tx,
    );
    for (const row of result.rows) {
      const step = Number(row.step);
      const point = { ...row, step, timestamp: Number(row.timestamp), value: Number(row.value) };
      const rows = byStep.get(step);
      if (rows) rows.push(point);
      else byStep.set(step, [point]);
    }
  }
  for (const rows of byStep.values()) if (rows.length > 1) rows.sort(compareRows);
  const out: PointRow[] = [];
  for (const w of wanted) {
    const row = byStep.get(w.step)?.[w.within];
    if (row) out.push(row);
  }
  return out;
}

async function sampleRun(
  ctx: StoreContext,
  tx: Executor,
  runId: string,
  key: string,
  input: BulkIntervalInput,
  maxResults: number,
): Promise<PointRow[]> {
  const where = scope(runId, key, input);
  const count = await countRows(tx, where);
  if (count === 0) return [];
  if (count <= maxResults) {
    const result = await sql<PointRow>`
      SELECT ${list(COLUMNS)} FROM metrics WHERE ${where} ORDER BY ${list(ORDER)}`.execute(tx);
    return result.rows;
  }
  const positions = samplePositions(count, maxResults);
  // In-process SQLite walks the index (~15 ms per 100k points); elsewhere one window query.
  const wanted = sqliteHandleOf(ctx.db)
    ? await locate(tx, where, positions)
    : await locateByWindow(tx, where, positions);
  return fetchWanted(ctx, tx, where, wanted);
}

/**
 * Sampling is O(points) (counting and skipping index entries: ~15 ms per 100k on SQLite), and
 * charts re-read the same finished metrics over and over; where the dialect can tell cheaply that
 * nothing was committed since (a change stamp: SQLite, PostgreSQL), a run's sample is reused.
 * Keyed per store context.
 */
const CACHE_ENTRIES = 128;
const sampleCache = new WeakMap<StoreContext, Map<string, { stamp: string; rows: PointRow[] }>>();

async function cachedSample(
  ctx: StoreContext,
  tx: Executor,
  stamp: string | undefined,
  runId: string,
  input: BulkIntervalInput,
  maxResults: number,
): Promise<PointRow[]> {
  if (stamp === undefined) return sampleRun(ctx, tx, runId, input.metricKey, input, maxResults);
  let cache = sampleCache.get(ctx);
  if (!cache) sampleCache.set(ctx, (cache = new Map()));
  const key = JSON.stringify([runId, input.metricKey, input.startStep, input.endStep, maxResults]);
  const hit = cache.get(key);
  cache.delete(key);
  if (hit && hit.stamp === stamp) {
    cache.set(key, hit);
    return hit.rows;
  }
  const rows = await sampleRun(ctx, tx, runId, input.metricKey, input, maxResults);
  cache.set(key, { stamp, rows });
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return rows;
}

export function getMetricHistoryBulkInterval(
  ctx: StoreContext,
  input: BulkIntervalInput,
): Promise<MetricWithRunId[]> {
  if ((input.startStep === undefined) !== (input.endStep === undefined)) {
    throw MlflowError.invalidParameter(
      'Both start_step and end_step must be specified together, or neither may be specified.',
    );
  }
  const maxResults = Math.max(1, Math.floor(input.maxResults));
  return inReadTransaction(ctx, async (tx) => {
    const out: MetricWithRunId[] = [];
    const stamp = await readChangeStamp(ctx, tx);
    for (const runId of input.runIds) {
      for (const r of await cachedSample(ctx, tx, stamp, runId, input, maxResults)) {
        out.push({
          key: input.metricKey,
          value: metricValue(r.value, r.is_nan),
          timestamp: r.timestamp,
          step: r.step,
          run_id: runId,
        });
      }
    }
    return out;
  });
}
