// Hot fixed-shape writes without per-call query building: reused prepared statements on SQLite, unnest() arrays on PostgreSQL.
import type Database from 'better-sqlite3';
import { sql, type Insertable } from 'kysely';
import { takesArrayParameters } from '../dialects/array-parameters.js';
import { preparedStatement, sqliteHandleOf } from '../dialects/sqlite-handle.js';
import type { Executor, StoreContext } from './context.js';
import type { MetricsTable, MlflowDatabase } from './tables.js';
import { chunks, insertIgnoringDuplicates, upsertRows } from './writes.js';

type TableName = keyof MlflowDatabase & string;
type Row<T extends TableName> = Insertable<MlflowDatabase[T]>;

/**
 * The better-sqlite3 handle to write through, or undefined on other databases. Statements run on
 * it belong to the caller's transaction because SQLite has a single connection and the write
 * transaction holds it for its whole callback: only call this from inside inWriteTransaction.
 */
export function directSqlite(ctx: StoreContext): Database.Database | undefined {
  return sqliteHandleOf(ctx.db);
}

/** What to do with a row whose key is already there. */
type Conflict =
  | { kind: 'fail' }
  | { kind: 'ignore' }
  | { kind: 'update'; keyColumns: readonly string[]; updateColumns: readonly string[] };

const quote = (name: string): string => `"${name}"`;

/** Rows one multi-row statement carries; the remainder of a batch goes one row at a time. */
const ROWS_PER_STATEMENT = 100;

/** `INSERT … VALUES (…), (…)` for `rowCount` rows of `columns`, with the conflict clause. */
function insertText(table: string, columns: readonly string[], rowCount: number, conflict: Conflict): string {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${Array<string>(rowCount).fill(tuple).join(', ')}`;
  if (conflict.kind === 'fail') return head;
  if (conflict.kind === 'ignore') return `${head} ON CONFLICT DO NOTHING`;
  const set = conflict.updateColumns.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ');
  return `${head} ON CONFLICT (${conflict.keyColumns.map(quote).join(', ')}) DO UPDATE SET ${set}`;
}

/**
 * Every row must carry the same columns as the first (the callers build them from one literal
 * shape). Two prepared statements per (table, columns, conflict) are reused: a fixed 100-row one
 * for full chunks (one call into SQLite per 100 rows), a one-row one for the rest.
 */
function runDirect<T extends TableName>(
  handle: Database.Database,
  table: T,
  rows: readonly Row<T>[],
  conflict: Conflict,
): void {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const full = rows.length - (rows.length % ROWS_PER_STATEMENT);
  if (full > 0) {
    const many = preparedStatement(handle, insertText(table, columns, ROWS_PER_STATEMENT, conflict));
    const values: unknown[] = new Array(ROWS_PER_STATEMENT * columns.length);
    for (let start = 0; start < full; start += ROWS_PER_STATEMENT) {
      let i = 0;
      for (let r = start; r < start + ROWS_PER_STATEMENT; r++) {
        const row = rows[r] as Record<string, unknown>;
        for (const column of columns) values[i++] = row[column];
      }
      many.run(values);
    }
  }
  if (full === rows.length) return;
  const one = preparedStatement(handle, insertText(table, columns, 1, conflict));
  for (let r = full; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    one.run(columns.map((column) => row[column]));
  }
}

/** Inserts rows, skipping any whose primary key already exists. */
export async function insertRowsIgnoringDuplicates<T extends TableName>(
  tx: Executor,
  ctx: StoreContext,
  table: T,
  rows: readonly Row<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const handle = directSqlite(ctx);
  if (handle) runDirect(handle, table, rows, { kind: 'ignore' });
  else await insertIgnoringDuplicates(tx, ctx.dialect, table, rows);
}

/** Inserts rows; a duplicate key is an error (the callers have already checked for them). */
export async function insertNewRows<T extends TableName>(
  tx: Executor,
  ctx: StoreContext,
  table: T,
  rows: readonly Row<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const handle = directSqlite(ctx);
  if (handle) runDirect(handle, table, rows, { kind: 'fail' });
  else {
    const perStatement = Math.floor(ctx.dialect.maxBindParameters / Object.keys(rows[0] ?? {}).length);
    for (const part of chunks(rows, perStatement))
      await tx
        .insertInto(table)
        .values(part as never)
        .execute();
  }
}

/** Inserts rows, overwriting `updateColumns` of rows whose `keyColumns` already exist. */
export async function upsertRowsDirect<T extends TableName>(
  tx: Executor,
  ctx: StoreContext,
  table: T,
  rows: readonly Row<T>[],
  keyColumns: readonly string[],
  updateColumns: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
  const handle = directSqlite(ctx);
  if (handle) runDirect(handle, table, rows, { kind: 'update', keyColumns, updateColumns });
  else await upsertRows(tx, ctx.dialect, table, rows, keyColumns, updateColumns);
}

/**
 * Metric history rows, exact duplicates skipped. PostgreSQL gets the whole batch as six array
 * parameters expanded by unnest(): one short statement to parse and bind instead of 250-row
 * VALUES lists with 1500 parameters each.
 */
export async function insertMetricRows(
  tx: Executor,
  ctx: StoreContext,
  rows: readonly MetricsTable[],
): Promise<void> {
  if (rows.length === 0 || !takesArrayParameters(ctx.db)) {
    await insertRowsIgnoringDuplicates(tx, ctx, 'metrics', rows);
    return;
  }
  const keys = rows.map((r) => r.key);
  const values = rows.map((r) => r.value);
  const timestamps = rows.map((r) => r.timestamp);
  const runIds = rows.map((r) => r.run_uuid);
  const steps = rows.map((r) => r.step);
  const nans = rows.map((r) => r.is_nan);
  await sql`INSERT INTO metrics ("key", "value", "timestamp", "run_uuid", "step", "is_nan")
    SELECT * FROM unnest(${keys}::varchar[], ${values}::float8[], ${timestamps}::int8[],
                         ${runIds}::varchar[], ${steps}::int8[], ${nans}::bool[])
    ON CONFLICT DO NOTHING`.execute(tx);
}
