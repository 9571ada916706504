// Where a database stands (its tables, its alembic revision): cheap to read on every open, and free of the step chain.
import { sql, type Kysely } from 'kysely';

export interface DatabaseState {
  readonly tables: ReadonlySet<string>;
  /** alembic_version's row; null when the table or its row is missing. */
  readonly revision: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readDatabaseState(db: Kysely<any>): Promise<DatabaseState> {
  const tables = new Set((await db.introspection.getTables()).map((t) => t.name));
  if (!tables.has('alembic_version')) return { tables, revision: null };
  const { rows } = await sql<{ version_num: string }>`SELECT version_num FROM alembic_version`.execute(db);
  return { tables, revision: rows[0]?.version_num ?? null };
}

/** Alembic's own table does not make a database non-empty (a failed first attempt leaves it behind). */
export function isEmpty(state: DatabaseState): boolean {
  return [...state.tables].every((name) => name.startsWith('alembic_'));
}
