// Insert-or-overwrite of one registry row (MLflow's session.merge), in each dialect's upsert syntax.
import { sql, type Insertable } from 'kysely';
import type { SqlDialect } from '../../dialects/dialect.js';
import type { RegistryExecutor, RegistryTables } from './tables.js';

export async function upsertRegistryRow<T extends keyof RegistryTables & string>(
  db: RegistryExecutor,
  dialect: SqlDialect,
  table: T,
  row: Insertable<RegistryTables[T]>,
  keyColumns: readonly string[],
  updateColumns: readonly string[],
): Promise<void> {
  const query = db.insertInto(table).values(row as never);
  if (dialect.upsert === 'on-duplicate-key') {
    const set = Object.fromEntries(updateColumns.map((c) => [c, sql`VALUES(${sql.ref(c)})`]));
    await query.onDuplicateKeyUpdate(set as never).execute();
  } else {
    const set = Object.fromEntries(updateColumns.map((c) => [c, sql.ref(`excluded.${c}`)]));
    await query.onConflict((oc) => oc.columns(keyColumns as never).doUpdateSet(set as never)).execute();
  }
}
