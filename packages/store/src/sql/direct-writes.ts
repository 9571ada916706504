// Hot fixed-shape writes on SQLite as reused one-row prepared statements, skipping Kysely's per-call query building.
import type Database from 'better-sqlite3';
import type { Insertable } from 'kysely';
import { preparedStatement, sqliteHandleOf } from '../dialects/sqlite-handle.js';
import type { Executor, StoreContext } from './context.js';
import type { MlflowDatabase } from './tables.js';
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

/** `INSERT … VALUES (@a, @b, …)` with named parameters, so a row object binds as it is. */
function insertText(table: string, columns: readonly string[], conflict: Conflict): string {
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
  if (conflict.kind === 'fail') return head;
  if (conflict.kind === 'ignore') return `${head} ON CONFLICT DO NOTHING`;
  const set = conflict.updateColumns.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ');
  return `${head} ON CONFLICT (${conflict.keyColumns.map(quote).join(', ')}) DO UPDATE SET ${set}`;
}

/**
 * Every row must carry the same columns as the first (the callers build them from one literal
 * shape); one prepared statement per (table, columns, conflict) is reused for every row.
 */
function runDirect<T extends TableName>(
  handle: Database.Database,
  table: T,
  rows: readonly Row<T>[],
  conflict: Conflict,
): void {
  const first = rows[0];
  if (!first) return;
  const statement = preparedStatement(handle, insertText(table, Object.keys(first), conflict));
  for (const row of rows) statement.run(row);
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
    for (const part of chunks(rows, perStatement)) await tx.insertInto(table).values(part as never).execute();
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
