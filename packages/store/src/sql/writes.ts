// Multi-row inserts that skip duplicates or upsert, chunked under the dialect's bound-parameter limit.
import { sql, type Insertable } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';
import type { Executor } from './context.js';
import type { DbBool, MlflowDatabase } from './tables.js';

type TableName = keyof MlflowDatabase & string;
type Row<T extends TableName> = Insertable<MlflowDatabase[T]>;

/** The dialect's spelling of a boolean column value. */
export function dbBool(dialect: SqlDialect, value: boolean): DbBool {
  return dialect.booleans === 'native' ? value : value ? 1 : 0;
}

/** Splits `items` into runs of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  const step = Math.max(1, size);
  for (let i = 0; i < items.length; i += step) out.push(items.slice(i, i + step));
  return out;
}

/**
 * A fixed chunk size keeps the SQL text of repeated writes identical, so prepared statements
 * can be reused; it is lowered when the dialect's bound-parameter limit requires.
 */
const ROWS_PER_STATEMENT = 250;

function rowsPerStatement<T extends TableName>(dialect: SqlDialect, rows: readonly Row<T>[]): number {
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  return Math.min(ROWS_PER_STATEMENT, Math.floor(dialect.maxBindParameters / columns));
}

/** Inserts rows, silently skipping any whose primary key already exists. */
export async function insertIgnoringDuplicates<T extends TableName>(
  tx: Executor,
  dialect: SqlDialect,
  table: T,
  rows: readonly Row<T>[],
): Promise<void> {
  for (const part of chunks(rows, rowsPerStatement(dialect, rows))) {
    const query = tx.insertInto(table).values(part as never);
    if (dialect.insertIgnore === 'insert-ignore') await query.ignore().execute();
    else if (dialect.insertIgnore === 'on-conflict-do-nothing')
      await query.onConflict((oc) => oc.doNothing()).execute();
    else {
      const column = Object.keys(part[0] ?? {})[0] ?? '';
      await query.onDuplicateKeyUpdate({ [column]: sql.ref(column) } as never).execute();
    }
  }
}

/** Inserts rows, overwriting `updateColumns` of rows whose `keyColumns` already exist. */
export async function upsertRows<T extends TableName>(
  tx: Executor,
  dialect: SqlDialect,
  table: T,
  rows: readonly Row<T>[],
  keyColumns: readonly string[],
  updateColumns: readonly string[],
): Promise<void> {
  for (const part of chunks(rows, rowsPerStatement(dialect, rows))) {
    const query = tx.insertInto(table).values(part as never);
    if (dialect.upsert === 'on-duplicate-key') {
      const set = Object.fromEntries(updateColumns.map((c) => [c, sql`VALUES(${sql.ref(c)})`]));
      await query.onDuplicateKeyUpdate(set as never).execute();
    } else {
      const set = Object.fromEntries(updateColumns.map((c) => [c, sql.ref(`excluded.${c}`)]));
      await query.onConflict((oc) => oc.columns(keyColumns as never).doUpdateSet(set as never)).execute();
    }
  }
}
