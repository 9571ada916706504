// get-history read in bounded chunks (keyset pages on SQLite, a streamed query elsewhere), so a 1M-point history never sits in memory whole.
import { sql, type SqlBool } from 'kysely';
import { decodePageToken, encodePageToken } from '@mlflow-ts/protocol';
import { preparedStatement, sqliteHandleOf } from '../dialects/sqlite-handle.js';
import type { MetricHistoryChunks, MetricHistoryInput, MetricPoints } from '../tracking-store.js';
import type { StoreContext } from './context.js';
import { metricValue } from './run-data.js';

/** Rows per query and per chunk handed out: big enough that seeks cost nothing, small enough to stay young. */
export const HISTORY_PAGE_ROWS = 2048;

/** value, timestamp, step, is_nan: better-sqlite3's raw rows, so a page makes no objects of ours. */
type Row = [value: number, timestamp: number, step: number, isNan: unknown];

interface RowObject {
  value: number;
  timestamp: number;
  step: number;
  is_nan: unknown;
}

const tuple = (r: RowObject): Row => [r.value, r.timestamp, r.step, r.is_nan];
const tuples = (rows: RowObject[]): Row[] => rows.map(tuple);

type Group = readonly [timestamp: number, step: number];

const sameGroup = (a: Row, b: Row) => a[1] === b[1] && a[2] === b[2];

function baseQuery(ctx: StoreContext, runId: string, key: string) {
  return ctx.db
    .selectFrom('metrics')
    .select(['value', 'timestamp', 'step', 'is_nan'])
    .where('run_uuid', '=', runId)
    .where('key', '=', key);
}

/** MLflow orders by (timestamp, step, value); is_nan settles the ties so pages never overlap. */
function ordered<Q extends ReturnType<typeof baseQuery>>(query: Q): Q {
  return query.orderBy('timestamp').orderBy('step').orderBy('value').orderBy('is_nan') as Q;
}

function afterGroup<Q extends ReturnType<typeof baseQuery>>(query: Q, after: Group | undefined): Q {
  if (!after) return query;
  const [ts, step] = after;
  return query.where(sql<SqlBool>`(${sql.ref('timestamp')}, ${sql.ref('step')}) > (${ts}, ${step})`) as Q;
}

const COLUMNS = 'SELECT value, timestamp, step, is_nan FROM metrics WHERE run_uuid = ? AND "key" = ?';
const ORDER = 'ORDER BY timestamp, step, value, is_nan LIMIT ?';
const FIRST_PAGE = `${COLUMNS} ${ORDER} OFFSET ?`;
const NEXT_PAGE = `${COLUMNS} AND (timestamp, step) > (?, ?) ${ORDER}`;

/**
 * One page on SQLite, straight from a prepared statement in raw (array) mode: no query building
 * and no row objects. The connection is taken through Kysely, so the read never lands inside
 * another request's open transaction.
 */
async function rowsAfter(
  ctx: StoreContext,
  runId: string,
  key: string,
  after: Group | undefined,
  skip: number,
  limit: number,
): Promise<Row[]> {
  const handle = sqliteHandleOf(ctx.db);
  if (!handle) throw new Error('rowsAfter reads SQLite only');
  return ctx.db.connection().execute(async () => {
    if (after && skip === 0)
      return preparedStatement(handle, NEXT_PAGE).raw(true).all(runId, key, after[0], after[1], limit);
    if (!after) return preparedStatement(handle, FIRST_PAGE).raw(true).all(runId, key, limit, skip);
    throw new Error('an offset applies to the first page only');
  }) as Promise<Row[]>;
}

/** Rows of the range after `after` that come before the group `group` (for an offset into that group). */
async function countBefore(
  ctx: StoreContext,
  runId: string,
  key: string,
  after: Group | undefined,
  group: Group,
): Promise<number> {
  const [ts, step] = group;
  const result = await afterGroup(baseQuery(ctx, runId, key), after)
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .where(sql<SqlBool>`(${sql.ref('timestamp')}, ${sql.ref('step')}) < (${ts}, ${step})`)
    .executeTakeFirst();
  return Number(result?.n ?? 0);
}

/**
 * The history in MLflow's order, a page at a time. On SQLite each page is one keyset query that
 * seeks MLflow's metric_pk (key, timestamp, step, …) past the last whole (timestamp, step) group
 * handed out, so the read holds the connection for one page only and writes go on in between; a
 * page ending inside a group is cut before it and the group is read again whole by the next page.
 * The result is the same as one query's unless points are logged while it is read (each page is
 * its own snapshot). Elsewhere the planner may sort the whole run per page, so one query is
 * streamed.
 */
async function* pagesInOrder(
  ctx: StoreContext,
  runId: string,
  key: string,
  offset: number,
  limit: number | undefined,
): AsyncGenerator<Row[]> {
  if (!sqliteHandleOf(ctx.db)) {
    let query = ordered(baseQuery(ctx, runId, key));
    // OFFSET without LIMIT is not portable SQL; without a limit the offset is skipped as rows come.
    if (limit !== undefined) query = query.limit(limit).offset(offset);
    let skip = limit === undefined ? offset : 0;
    // Streamed (a cursor on PostgreSQL, a row stream on MySQL): the driver holds one chunk, not the
    // whole history (a buffered 200k-point read was 45 MiB on PostgreSQL).
    let page: Row[] = [];
    for await (const row of query.stream(HISTORY_PAGE_ROWS)) {
      if (skip > 0) {
        skip--;
        continue;
      }
      page.push(tuple(row as RowObject));
      if (page.length === HISTORY_PAGE_ROWS) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
    return;
  }
  let after: Group | undefined;
  let skip = offset;
  for (;;) {
    const rows = await rowsAfter(ctx, runId, key, after, skip, HISTORY_PAGE_ROWS);
    if (rows.length < HISTORY_PAGE_ROWS) {
      if (rows.length > 0) yield rows;
      return;
    }
    const last = rows[rows.length - 1] as Row;
    let cut = rows.length - 1;
    while (cut > 0 && sameGroup(rows[cut - 1] as Row, last)) cut--;
    if (cut > 0) {
      const end = rows[cut - 1] as Row;
      rows.length = cut;
      yield rows;
      after = [end[1], end[2]];
    } else {
      // One (timestamp, step) group fills the page: walk it by offset inside the group.
      const group: Group = [last[1], last[2]];
      let within = skip > 0 ? skip - (await countBefore(ctx, runId, key, after, group)) : 0;
      for (;;) {
        const part = tuples(
          (await baseQuery(ctx, runId, key)
            .where('timestamp', '=', group[0])
            .where('step', '=', group[1])
            .orderBy('value')
            .orderBy('is_nan')
            .limit(HISTORY_PAGE_ROWS)
            .offset(within)
            .execute()) as RowObject[],
        );
        if (part.length > 0) yield part;
        if (part.length < HISTORY_PAGE_ROWS) break;
        within += part.length;
      }
      after = group;
    }
    skip = 0;
  }
}

/** Columns in typed arrays: their storage is off the V8 heap, so chunks waiting for the socket cost it nothing. */
function toPoints(key: string, rows: Row[], count: number): MetricPoints {
  const values = new Float64Array(count);
  const timestamps = new Float64Array(count);
  const steps = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const r = rows[i] as Row;
    values[i] = metricValue(r[0], r[3]);
    timestamps[i] = r[1];
    steps[i] = r[2];
  }
  return { key, length: count, values, timestamps, steps };
}

/**
 * Chunks of at most HISTORY_PAGE_ROWS points; with maxResults, at most that many in all, and
 * `nextPageToken` (read once the chunks are exhausted) as MLflow's offset paging gives it. A bad
 * page token throws from the first `next()`.
 */
export function metricHistoryChunks(
  ctx: StoreContext,
  runId: string,
  key: string,
  input: MetricHistoryInput = {},
): MetricHistoryChunks {
  const state: { nextPageToken?: string } = {};
  async function* chunks(): AsyncGenerator<MetricPoints> {
    const offset = decodePageToken(input.pageToken);
    const max = input.maxResults;
    let emitted = 0;
    for await (const rows of pagesInOrder(ctx, runId, key, offset, max === undefined ? undefined : max + 1)) {
      if (max !== undefined && emitted >= max) {
        // One row beyond the page exists: MLflow's sign that there is a next page.
        state.nextPageToken = encodePageToken(offset + max);
        return;
      }
      const take = max === undefined ? rows.length : Math.min(rows.length, max - emitted);
      emitted += take;
      yield toPoints(key, rows, take);
      if (max !== undefined && take < rows.length) {
        state.nextPageToken = encodePageToken(offset + max);
        return;
      }
    }
  }
  return {
    [Symbol.asyncIterator]: chunks,
    get nextPageToken() {
      return state.nextPageToken;
    },
  };
}
