// The better-sqlite3 handle behind a SQLite Kysely instance, so hot fixed-shape writes can skip query building.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';

const handles = new WeakMap<Kysely<never>, Database.Database>();
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const commitListeners = new WeakMap<Database.Database, () => void>();

/** Remembers which better-sqlite3 handle `db` runs on (called once, when the database is opened). */
export function registerSqliteHandle<DB>(db: Kysely<DB>, handle: Database.Database): void {
  handles.set(db as unknown as Kysely<never>, handle);
}

/** `listener` runs after each write transaction commits on `handle` (openSqlite's WAL checkpointer). */
export function onSqliteCommit(handle: Database.Database, listener: () => void): void {
  commitListeners.set(handle, listener);
}

/** Tells the listener of `db`'s handle, if any, that a write transaction has just committed. */
export function sqliteCommitted<DB>(db: Kysely<DB>): void {
  const handle = handles.get(db as unknown as Kysely<never>);
  if (handle) commitListeners.get(handle)?.();
}

/** The handle under `db`, or undefined when `db` is not a SQLite database opened by openSqlite. */
export function sqliteHandleOf<DB>(db: Kysely<DB>): Database.Database | undefined {
  return handles.get(db as unknown as Kysely<never>);
}

/**
 * A prepared statement for `text`, kept for the handle's lifetime and never evicted. Only for SQL
 * texts fixed by the code, never built from a request's values: transaction control, the hot
 * writes (one text per table, column list and chunk size), the child-row reads of a search page
 * and the pages of a metric history. So the cache stays a few dozen entries.
 */
export function preparedStatement(handle: Database.Database, text: string): Database.Statement {
  let cache = statements.get(handle);
  if (!cache) {
    cache = new Map();
    statements.set(handle, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = handle.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}
