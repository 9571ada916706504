// SQLite through better-sqlite3: connection settings MLflow uses, and what SQLite does differently.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { readSchemaFile, splitSqlScript } from '../schema/sql-script.js';
import type { MlflowDatabase } from '../sql/tables.js';
import { PyTuple, pyRepr, type PyValue } from '@mlflow-ts/protocol';
import type { DbErrorKind, OpenedDatabase, SqlDialect } from './dialect.js';
import { onSqliteCommit, registerSqliteHandle } from './sqlite-handle.js';
import { WalCheckpointer } from './sqlite-wal-checkpointer.js';

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export const sqliteDialect: SqlDialect = {
  displayName: 'SQLite',
  // SQLite 3.32+ allows 32766 variables per statement; stay well below it.
  maxBindParameters: 30_000,
  supportsReturning: true,
  insertIgnore: 'on-conflict-do-nothing',
  upsert: 'on-conflict',
  booleans: 'integer',
  // `=` uses the BINARY collation, and LIKE is made case-sensitive by the PRAGMA below, as MLflow does.
  caseSensitiveComparison: 'native',
  // SQLite has no ILIKE; SQLAlchemy compiles it to lower(a) LIKE lower(b).
  ilike: 'lower-like',
  // Take the write lock at BEGIN: a deferred transaction that reads and then writes can fail
  // with SQLITE_BUSY at once (no busy wait) when another process wrote in between.
  beginWrite: 'BEGIN IMMEDIATE',
  groupCommit: true,
  beginRead: 'BEGIN',
  lockRowsForWrite: false,
  // data_version moves when another connection (another process, MLflow itself) commits;
  // total_changes() counts this connection's own row changes. Both are O(1).
  changeStamp: "SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes() AS stamp",
  schemaStatements: () => splitSqlScript(readSchemaFile('sqlite-3.18.0.sql')),
  extraIndexStatements: () => splitSqlScript(readSchemaFile('mlflow-ts-indexes.sql')),
  classifyError(error: unknown): DbErrorKind | undefined {
    const code = sqliteCode(error);
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
      return 'unique-violation';
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign-key-violation';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
    return undefined;
  },
  integrityErrorText(error: unknown, statement: string, params: readonly unknown[]): string {
    const message = error instanceof Error ? error.message : String(error);
    return (
      `(sqlite3.IntegrityError) ${message}\n[SQL: ${statement}]\n` +
      `[parameters: ${pyRepr(new PyTuple(params as PyValue[]))}]\n` +
      '(Background on this error at: https://sqlalche.me/e/21/gkpj)'
    );
  },
};

/**
 * Kysely's SQLite driver prepares every statement on each execution; preparing a 1000-row insert
 * costs about as much as running it. Statements are reusable, so keep the recent ones (our SQL
 * texts repeat: multi-row writes use fixed chunk sizes). Safe because the driver runs one
 * statement at a time to completion on the single connection.
 */
function withStatementCache(
  handle: Database.Database,
  checkpointer: WalCheckpointer | undefined,
  capacity = 256,
): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => {
      checkpointer?.close();
      handle.close();
    },
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else statement = handle.prepare(text);
      cache.set(text, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

/** Opens (creating parent directories, as MLflow does) a SQLite file or `:memory:`. */
export function openSqlite(file: string): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const handle = new Database(file);
  if (file !== ':memory:') handle.pragma('journal_mode = WAL');
  // MLflow sets these three on every session (store/db/utils.py).
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 20000');
  handle.pragma('case_sensitive_like = ON');
  // Safe with WAL (a crash loses at most the last commits, never consistency) and much faster.
  handle.pragma('synchronous = NORMAL');
  // A 1000-point batch dirties pages all over metric_pk (it starts with key, timestamp), and the
  // default checkpoint every 1000 WAL pages copied (and fsynced) the same pages again and again.
  // Checkpoints normally run on a worker thread (sqlite-wal-checkpointer.ts); this is the backstop.
  handle.pragma('wal_autocheckpoint = 8192');
  // A 2 MiB page cache (the default) cannot hold the metric_pk pages a stream of 1000-point batches
  // keeps revisiting, so each one was read back from the OS: 8 MiB cut the CPU per batch by ~20%
  // (16 MiB did no better). It fills only as pages are used, reads included, so it adds at most
  // ~6 MiB to peak RSS (W5's budget is 64 MiB).
  handle.pragma('cache_size = -8192');
  // A multi-row INSERT opens a statement savepoint (so does a group commit's SAVEPOINT per write,
  // used when a write of the group fails): SQLite copies every page a savepoint first touches
  // into a sub-journal, a temporary *file* by default. A 1000-point batch touches ~1000 metric_pk
  // pages, so that was ~4 MiB of write() calls per batch, ~20% of its CPU (bench/sqlite-floor.ts).
  // In memory the copies are plain memcpy, freed at the statement's end; TEMP tables and the
  // ephemeral tables of reads (DISTINCT, IN lists) live in memory too.
  handle.pragma('temp_store = MEMORY');
  const checkpointer = file === ':memory:' ? undefined : new WalCheckpointer(file, handle);
  const db = new Kysely<MlflowDatabase>({
    dialect: new SqliteDialect({ database: withStatementCache(handle, checkpointer) }),
  });
  registerSqliteHandle(db, handle);
  if (checkpointer) onSqliteCommit(handle, () => checkpointer.committed());
  return { db, dialect: sqliteDialect };
}
