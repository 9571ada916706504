// What every store area works with: the database, its dialect, the artifact root, and transactions.
import { sql, type Kysely } from 'kysely';
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import type { SqlDialect } from '../dialects/dialect.js';
import { preparedStatement, sqliteCommitted, sqliteHandleOf } from '../dialects/sqlite-handle.js';
import type { MlflowDatabase } from './tables.js';

/** A Kysely handle bound to one connection inside a transaction. */
export type Executor = Kysely<MlflowDatabase>;

export interface StoreContext {
  readonly db: Kysely<MlflowDatabase>;
  readonly dialect: SqlDialect;
  /** The default artifact root, already made absolute when it is a local path. */
  readonly artifactRoot: string;
  /** Milliseconds since the epoch; injectable so tests can pin time. */
  now(): number;
}

/** Busy/locked databases become TEMPORARILY_UNAVAILABLE, as MLflow maps OperationalError. */
function translate(ctx: StoreContext, error: unknown): unknown {
  if (error instanceof MlflowError) return error;
  if (ctx.dialect.classifyError(error) === 'busy') {
    const message = error instanceof Error ? error.message : String(error);
    return new MlflowError(ErrorCode.TEMPORARILY_UNAVAILABLE, `Database is busy, try again: ${message}`);
  }
  return error;
}

/**
 * Runs `fn` in one transaction on one connection, committing when it resolves and rolling
 * back when it throws. The connection is held for the whole callback, so concurrent callers
 * never interleave statements inside each other's transactions (on SQLite there is a single
 * connection and Kysely queues everyone else behind this one).
 */
function inTransactionOnce<T>(
  ctx: StoreContext,
  begin: string,
  fn: (tx: Executor) => Promise<T>,
): Promise<T> {
  return ctx.db.connection().execute(async (conn) => {
    try {
      await sql.raw(begin).execute(conn);
    } catch (error) {
      throw translate(ctx, error);
    }
    try {
      const result = await fn(conn);
      await sql.raw('COMMIT').execute(conn);
      sqliteCommitted(ctx.db);
      return result;
    } catch (error) {
      // The database may already have rolled back on its own (e.g. after SQLITE_FULL).
      await sql
        .raw('ROLLBACK')
        .execute(conn)
        .catch(() => undefined);
      throw translate(ctx, error);
    }
  });
}

/** Attempts in all when the database reports a deadlock or serialization failure. */
const MAX_ATTEMPTS = 5;

/**
 * A transaction the server rolled back for a deadlock or serialization failure is run again
 * (after a short random pause), as such failures are about timing, not about the request.
 */
async function inTransaction<T>(
  ctx: StoreContext,
  begin: string,
  fn: (tx: Executor) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransactionOnce(ctx, begin, fn);
    } catch (error) {
      if (ctx.dialect.classifyError(error) !== 'retry') throw error;
      if (attempt >= MAX_ATTEMPTS) {
        const message = error instanceof Error ? error.message : String(error);
        throw new MlflowError(ErrorCode.TEMPORARILY_UNAVAILABLE, `Database is busy, try again: ${message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

interface QueuedWrite {
  fn: (tx: Executor) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most write transactions one commit carries. */
const MAX_GROUP = 64;
const writeQueues = new WeakMap<StoreContext, QueuedWrite[]>();

/**
 * Runs a transaction-control statement on the connection the group holds. On SQLite it goes
 * straight to the single better-sqlite3 handle (the same connection), skipping Kysely's
 * per-call round trip: a small write pays five of these.
 */
async function control(ctx: StoreContext, conn: Executor, text: string): Promise<void> {
  const handle = sqliteHandleOf(ctx.db);
  if (handle) preparedStatement(handle, text).run();
  else await sql.raw(text).execute(conn);
}

/** How a group runs its writes: each in a savepoint, or all straight in the transaction. */
type GroupMode = 'savepoints' | 'optimistic';

/**
 * Group commit: runs every write queued so far in one transaction.
 *
 * Optimistically the writes run straight in the transaction: a savepoint makes SQLite copy every
 * page a write first touches into a sub-journal (for a 1000-point batch, ~1000 pages), which cost
 * 5–15% of a batch's CPU, and writes fail rarely. When one does throw, the transaction is
 * rolled back, that write is rejected with its error (it saw the same earlier writes it would see
 * in a savepoint), and the others run again, each in its own savepoint, so one failing write is
 * rolled back alone while the rest commit. A lone write needs no savepoint either way.
 * If the transaction as a whole cannot begin or commit, each write is run again on its own, so
 * one bad write never takes the group down and none is applied twice (nothing was committed).
 */
async function commitGroup(ctx: StoreContext, group: QueuedWrite[], mode: GroupMode): Promise<void> {
  const settled: { item: QueuedWrite; ok: boolean; value: unknown }[] = [];
  const isolate = mode === 'savepoints' && group.length > 1;
  let wholeFailed = false;
  let failed: { item: QueuedWrite; error: unknown } | undefined;
  await ctx.db.connection().execute(async (conn) => {
    try {
      await control(ctx, conn, ctx.dialect.beginWrite);
    } catch {
      wholeFailed = true;
      return;
    }
    try {
      for (const item of group) {
        if (!isolate) {
          try {
            settled.push({ item, ok: true, value: await item.fn(conn) });
          } catch (error) {
            failed = { item, error };
            break;
          }
          continue;
        }
        await control(ctx, conn, 'SAVEPOINT mlflow_ts_write');
        try {
          const value = await item.fn(conn);
          await control(ctx, conn, 'RELEASE mlflow_ts_write');
          settled.push({ item, ok: true, value });
        } catch (error) {
          await control(ctx, conn, 'ROLLBACK TO mlflow_ts_write');
          await control(ctx, conn, 'RELEASE mlflow_ts_write');
          settled.push({ item, ok: false, value: error });
        }
      }
      if (failed) {
        await control(ctx, conn, 'ROLLBACK');
        return;
      }
      await control(ctx, conn, 'COMMIT');
      sqliteCommitted(ctx.db);
    } catch {
      wholeFailed = true;
      await sql
        .raw('ROLLBACK')
        .execute(conn)
        .catch(() => undefined);
    }
  });
  if (wholeFailed) {
    for (const item of group)
      inTransaction(ctx, ctx.dialect.beginWrite, item.fn).then(item.resolve, item.reject);
    return;
  }
  if (failed) {
    const { item, error } = failed;
    item.reject(translate(ctx, error));
    const rest = group.filter((other) => other !== item);
    if (rest.length > 0) await commitGroup(ctx, rest, 'savepoints');
    return;
  }
  for (const { item, ok, value } of settled) {
    if (ok) item.resolve(value);
    else item.reject(translate(ctx, value));
  }
}

async function drainWrites(ctx: StoreContext, queue: QueuedWrite[]): Promise<void> {
  while (queue.length > 0) {
    // One turn of the event loop first, so requests that have already arrived (their bodies
    // parsed) join this group: a commit costs about as much as a 1000-point batch, and the
    // writes of one group share it.
    await new Promise((resolve) => setImmediate(resolve));
    const group = queue.splice(0, MAX_GROUP);
    try {
      await commitGroup(ctx, group, 'optimistic');
    } catch (error) {
      // Only reached when the connection itself is gone (store closed): fail these writes.
      for (const item of group) item.reject(translate(ctx, error));
    }
  }
  writeQueues.delete(ctx);
}

export function inWriteTransaction<T>(ctx: StoreContext, fn: (tx: Executor) => Promise<T>): Promise<T> {
  if (!ctx.dialect.groupCommit) return inTransaction(ctx, ctx.dialect.beginWrite, fn);
  return new Promise<T>((resolve, reject) => {
    const item: QueuedWrite = { fn, resolve: resolve as (value: unknown) => void, reject };
    const queue = writeQueues.get(ctx);
    if (queue) {
      queue.push(item);
      return;
    }
    const fresh = [item];
    writeQueues.set(ctx, fresh);
    void drainWrites(ctx, fresh);
  });
}

/** For reads made of several queries that must see one snapshot (a run and its tags, …). */
export function inReadTransaction<T>(ctx: StoreContext, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return inTransaction(ctx, ctx.dialect.beginRead, fn);
}

/**
 * The dialect's change stamp (see SqlDialect.changeStamp), or undefined when it has none. Read it
 * as the first statement of a read transaction, so it belongs to the snapshot the reads see.
 */
export async function readChangeStamp(ctx: StoreContext, tx: Executor): Promise<string | undefined> {
  if (!ctx.dialect.changeStamp) return undefined;
  const result = await sql<{ stamp: unknown }>`${sql.raw(ctx.dialect.changeStamp)}`.execute(tx);
  return String(result.rows[0]?.stamp);
}
