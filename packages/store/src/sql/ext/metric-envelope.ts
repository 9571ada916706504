// mlflow-ts extension: per-run min/max envelopes of a metric over step buckets, aggregated in SQL.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { MetricEnvelope, MetricEnvelopeBucket, MetricEnvelopeQuery } from '@mlflow-ts/protocol';
import { inReadTransaction, readChangeStamp, type Executor, type StoreContext } from '../context.js';
import { metricValue } from '../run-data.js';
import { chunks, dbBool } from '../writes.js';

type DbNumber = number | string | bigint | null;

interface BucketRow {
  step_start: DbNumber;
  step_end: DbNumber;
  n: DbNumber;
  nan_count: DbNumber;
  min_value: DbNumber;
  max_value: DbNumber;
}

interface PointRow {
  step: DbNumber;
  timestamp: DbNumber;
  value: DbNumber;
  is_nan: unknown;
}

interface Point {
  value: number;
  timestamp: number;
}

const num = (v: DbNumber): number => Number(v ?? 0);

/** An integer we computed, inlined in parentheses (so `step - (-5)` never reads as a comment). */
function literal(n: number): RawBuilder<unknown> {
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${n}`);
  return sql.raw(`(${n})`);
}

function scope(runId: string, key: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref('run_uuid')} = ${runId} AND ${sql.ref('key')} = ${key}`;
}

/**
 * The run's step range inside the window: MIN/MAX of the leading columns' suffix of MLflow's
 * (run_uuid, key, step) index, so two index probes whatever the history length.
 */
async function stepRange(
  tx: Executor,
  where: RawBuilder<SqlBool>,
  query: MetricEnvelopeQuery,
): Promise<{ lo: number; hi: number } | undefined> {
  const window =
    query.startStep === undefined || query.endStep === undefined
      ? sql<SqlBool>`1 = 1`
      : sql<SqlBool>`${sql.ref('step')} >= ${query.startStep} AND ${sql.ref('step')} <= ${query.endStep}`;
  const result = await sql<{ lo: DbNumber; hi: DbNumber }>`
    SELECT MIN(${sql.ref('step')}) AS lo, MAX(${sql.ref('step')}) AS hi
    FROM metrics WHERE ${where} AND ${window}`.execute(tx);
  const row = result.rows[0];
  if (!row || row.lo === null || row.hi === null) return undefined;
  return { lo: num(row.lo), hi: num(row.hi) };
}

/** Steps per bucket so that [lo, hi] needs at most maxBuckets of them. */
export function bucketWidth(lo: number, hi: number, maxBuckets: number): number {
  return Math.max(1, Math.ceil((hi - lo + 1) / maxBuckets));
}

function aggregates(ctx: StoreContext): RawBuilder<unknown> {
  const isNan = sql`${sql.ref('is_nan')} = ${dbBool(ctx.dialect, true)}`;
  const finite = sql`CASE WHEN ${isNan} THEN NULL ELSE ${sql.ref('value')} END`;
  return sql`MIN(${sql.ref('step')}) AS step_start, MAX(${sql.ref('step')}) AS step_end, COUNT(*) AS n,
      SUM(CASE WHEN ${isNan} THEN 1 ELSE 0 END) AS nan_count,
      MIN(${finite}) AS min_value, MAX(${finite}) AS max_value`;
}

/**
 * Narrow buckets: one GROUP BY over the run's rows in the step range. The bucket is written
 * without division (`d - d % w`, with `d` the distance from the first step) because `/` on
 * integers truncates on SQLite and PostgreSQL but yields a decimal on MySQL, while `%` means the
 * same on all three. The range literals are numbers we computed, inlined so that the SELECT and
 * GROUP BY expressions are one text (PostgreSQL cannot match two differently numbered parameters).
 */
async function groupedBuckets(
  ctx: StoreContext,
  tx: Executor,
  where: RawBuilder<SqlBool>,
  lo: number,
  hi: number,
  width: number,
): Promise<BucketRow[]> {
  const offset = sql`(${sql.ref('step')} - ${literal(lo)})`;
  const result = await sql<BucketRow>`
    SELECT ${offset} - (${offset} % ${literal(width)}) AS bucket, ${aggregates(ctx)}
    FROM metrics
    WHERE ${where} AND ${sql.ref('step')} >= ${literal(lo)} AND ${sql.ref('step')} <= ${literal(hi)}
    GROUP BY 1 ORDER BY 1`.execute(tx);
  return result.rows;
}

/**
 * Buckets at least this many steps wide are aggregated one range statement each. None of the
 * databases knows that the bucket expression follows the step index, so a GROUP BY over a million
 * rows sorts them all (PostgreSQL spills that sort to disk, MySQL builds a temporary table); a
 * range per bucket walks MLflow's (run_uuid, key, step) index in order and sorts nothing — about
 * twice as fast on SQLite at 1,000,000 steps. Narrow buckets keep the single GROUP BY, where a
 * statement per bucket would cost more than the few rows it reads.
 */
export const RANGE_PER_BUCKET_MIN_WIDTH = 64;

async function rangedBuckets(
  ctx: StoreContext,
  tx: Executor,
  where: RawBuilder<SqlBool>,
  lo: number,
  hi: number,
  width: number,
): Promise<BucketRow[]> {
  const rows: BucketRow[] = [];
  for (let start = lo; start <= hi; start += width) {
    const end = Math.min(hi, start + width - 1);
    const result = await sql<BucketRow>`
      SELECT ${aggregates(ctx)} FROM metrics
      WHERE ${where} AND ${sql.ref('step')} >= ${start} AND ${sql.ref('step')} <= ${end}`.execute(tx);
    const row = result.rows[0];
    if (row && num(row.n) > 0) rows.push(row);
  }
  return rows;
}

/**
 * The first (earliest) and last (latest) point of each wanted step, by the order MLflow's history
 * uses inside a step (timestamp, then value). One IN query per chunk of steps, on the step index.
 */
async function edgePoints(
  ctx: StoreContext,
  tx: Executor,
  where: RawBuilder<SqlBool>,
  steps: number[],
): Promise<Map<number, { first: Point; last: Point }>> {
  const edges = new Map<number, { first: Point; last: Point; firstKey: number[]; lastKey: number[] }>();
  for (const part of chunks(steps, ctx.dialect.maxBindParameters - 10)) {
    const result = await sql<PointRow>`
      SELECT ${sql.ref('step')}, ${sql.ref('timestamp')}, ${sql.ref('value')}, ${sql.ref('is_nan')}
      FROM metrics WHERE ${where} AND ${sql.ref('step')} IN (${sql.join(part)})`.execute(tx);
    for (const row of result.rows) {
      const step = num(row.step);
      const point = { value: metricValue(num(row.value), row.is_nan), timestamp: num(row.timestamp) };
      const key = [point.timestamp, num(row.value), row.is_nan ? 1 : 0];
      const seen = edges.get(step);
      if (!seen) {
        edges.set(step, { first: point, last: point, firstKey: key, lastKey: key });
        continue;
      }
      if (compareKeys(key, seen.firstKey) < 0) Object.assign(seen, { first: point, firstKey: key });
      if (compareKeys(key, seen.lastKey) > 0) Object.assign(seen, { last: point, lastKey: key });
    }
  }
  return edges;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

/** A bucket holding only NaN points has no finite extremes: it reports NaN for both. */
function extreme(v: DbNumber): number {
  return v === null ? Number.NaN : Number(v);
}

async function envelopeOf(
  ctx: StoreContext,
  tx: Executor,
  runId: string,
  query: MetricEnvelopeQuery,
): Promise<MetricEnvelope> {
  const where = scope(runId, query.metricKey);
  const range = await stepRange(tx, where, query);
  if (!range) return { run_id: runId, bucket_width: 1, buckets: [] };
  const width = bucketWidth(range.lo, range.hi, query.maxBuckets);
  const aggregate = width >= RANGE_PER_BUCKET_MIN_WIDTH ? rangedBuckets : groupedBuckets;
  const rows = await aggregate(ctx, tx, where, range.lo, range.hi, width);
  const wanted = new Set<number>();
  for (const r of rows) wanted.add(num(r.step_start)).add(num(r.step_end));
  const edges = await edgePoints(ctx, tx, where, [...wanted]);
  const buckets: MetricEnvelopeBucket[] = [];
  for (const r of rows) {
    const first = edges.get(num(r.step_start))?.first;
    const last = edges.get(num(r.step_end))?.last;
    if (!first || !last) continue; // cannot happen inside one read transaction
    buckets.push({
      step_start: num(r.step_start),
      step_end: num(r.step_end),
      count: num(r.n),
      nan_count: num(r.nan_count),
      min_value: extreme(r.min_value),
      max_value: extreme(r.max_value),
      first_value: first.value,
      first_timestamp: first.timestamp,
      last_value: last.value,
      last_timestamp: last.timestamp,
    });
  }
  return { run_id: runId, bucket_width: width, buckets };
}

/**
 * The aggregate reads every point of the range (~1 s per million on SQLite here), and chart pages
 * re-read finished metrics again and again (other charts polling, revisits). Where the dialect can
 * tell cheaply that nothing was committed since (a change stamp: SQLite, PostgreSQL), an envelope is reused.
 */
const CACHE_ENTRIES = 256;
const envelopeCache = new WeakMap<StoreContext, Map<string, { stamp: string; envelope: MetricEnvelope }>>();

async function cachedEnvelope(
  ctx: StoreContext,
  tx: Executor,
  stamp: string | undefined,
  runId: string,
  query: MetricEnvelopeQuery,
): Promise<MetricEnvelope> {
  if (stamp === undefined) return envelopeOf(ctx, tx, runId, query);
  let cache = envelopeCache.get(ctx);
  if (!cache) envelopeCache.set(ctx, (cache = new Map()));
  const key = JSON.stringify([runId, query.metricKey, query.startStep, query.endStep, query.maxBuckets]);
  const hit = cache.get(key);
  cache.delete(key); // re-inserted below: Map order is the LRU order
  if (hit && hit.stamp === stamp) {
    cache.set(key, hit);
    return hit.envelope;
  }
  const envelope = await envelopeOf(ctx, tx, runId, query);
  cache.set(key, { stamp, envelope });
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return envelope;
}

/** One envelope per requested run, in request order; unknown runs and keys give empty envelopes. */
export function getMetricHistoryEnvelope(
  ctx: StoreContext,
  query: MetricEnvelopeQuery,
): Promise<MetricEnvelope[]> {
  return inReadTransaction(ctx, async (tx) => {
    const stamp = await readChangeStamp(ctx, tx);
    const out: MetricEnvelope[] = [];
    for (const runId of query.runIds) out.push(await cachedEnvelope(ctx, tx, stamp, runId, query));
    return out;
  });
}
