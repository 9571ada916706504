// Opening a database: create MLflow's schema on an empty one, migrate or verify the revision otherwise, add experiment 0.
import { sql } from 'kysely';
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import { inWriteTransaction, type Executor, type StoreContext } from '../sql/context.js';
import { createDefaultExperiment } from '../sql/experiments.js';
import { migrateIfTablesMissing } from '../migrations/auto-migrate.js';
import { HEAD_REVISION, OLDER_REVISIONS } from './alembic-revisions.js';

/** Hides a password in URIs shown in messages (`user:secret@host` → `user:***@host`). */
function redact(uri: string): string {
  return uri.replace(/\/\/([^/:@]*):[^/@]*@/, '//$1:***@');
}

async function schemaRevision(tx: Executor, tables: ReadonlySet<string>): Promise<string | null> {
  if (!tables.has('alembic_version')) return null;
  const row = await tx.selectFrom('alembic_version').select('version_num').executeTakeFirst();
  return row?.version_num ?? null;
}

function checkRevision(revision: string | null, uri: string): void {
  if (revision === HEAD_REVISION) return;
  if (revision === null || OLDER_REVISIONS.includes(revision)) {
    throw new MlflowError(
      ErrorCode.INTERNAL_ERROR,
      `Detected out-of-date database schema (found version ${revision ?? 'None'}, but expected ${HEAD_REVISION}). ` +
        `Take a backup of your database, then run 'mlflow-ts db upgrade ${redact(uri)}' to migrate ` +
        'your database to the latest schema. NOTE: schema migration may result in database downtime - please ' +
        "consult your database's documentation for more detail.",
    );
  }
  throw new MlflowError(
    ErrorCode.INTERNAL_ERROR,
    `The database schema is at revision ${revision}, which this mlflow-ts does not know: it expects ` +
      `${HEAD_REVISION} (MLflow 3.18.0). The database was written by a newer or unknown MLflow version; ` +
      'open it with a matching mlflow-ts or MLflow release.',
  );
}

async function createSchema(tx: Executor, ctx: StoreContext, tables: ReadonlySet<string>): Promise<void> {
  // A failed earlier attempt may have left only alembic's table behind; MLflow ignores it too.
  if (tables.has('alembic_version')) await sql`DROP TABLE alembic_version`.execute(tx);
  for (const statement of ctx.dialect.schemaStatements()) await sql.raw(statement).execute(tx);
  await tx.insertInto('alembic_version').values({ version_num: HEAD_REVISION }).execute();
}

/** Runs `fn` in one write transaction holding the dialect's prepare lock. */
function withPrepareLock<T>(ctx: StoreContext, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return inWriteTransaction(ctx, async (tx) => {
    const lock = ctx.dialect.prepareLock;
    if (!lock) return fn(tx);
    await sql.raw(lock.acquire).execute(tx);
    try {
      return await fn(tx);
    } finally {
      if (lock.release) await sql.raw(lock.release).execute(tx);
    }
  });
}

/**
 * What `mlflow db upgrade` does to an empty database: MLflow 3.18.0's schema and the head stamp,
 * nothing else. False (and nothing done) when the database already holds tables.
 */
export function initializeEmptyDatabase(ctx: StoreContext): Promise<boolean> {
  return withPrepareLock(ctx, async (tx) => {
    const tables = new Set((await tx.introspection.getTables()).map((t) => t.name));
    if (![...tables].every((name) => name.startsWith('alembic_'))) return false;
    await createSchema(tx, ctx, tables);
    return true;
  });
}

/**
 * Makes the database usable: a new one gets MLflow 3.18.0's schema, the alembic stamp and the
 * Default experiment exactly as `mlflow server` would create them; one at the head revision is
 * used as is (gaining our extra indexes and, if missing, experiment 0); an older one that lacks
 * some of 3.18.0's tables is migrated first, as MLflow's SqlAlchemyStore does; any other revision
 * is refused with what to do about it. Runs in one write transaction (plus the dialect's prepare
 * lock) so two processes opening the same new database cannot both create the schema.
 */
export async function prepareDatabase(ctx: StoreContext, uri: string): Promise<void> {
  await migrateIfTablesMissing(ctx, uri);
  return withPrepareLock(ctx, (tx) => prepareLocked(tx, ctx, uri));
}

async function prepareLocked(tx: Executor, ctx: StoreContext, uri: string): Promise<void> {
  const tables = new Set((await tx.introspection.getTables()).map((t) => t.name));
  const isEmpty = [...tables].every((name) => name.startsWith('alembic_'));
  if (isEmpty) await createSchema(tx, ctx, tables);
  else checkRevision(await schemaRevision(tx, tables), uri);
  for (const statement of ctx.dialect.extraIndexStatements()) {
    await sql
      .raw(statement)
      .execute(tx)
      .catch((error: unknown) => {
        if (ctx.dialect.classifyError(error) !== 'already-exists') throw error;
      });
  }
  const foreign = await tx
    .selectFrom('experiments')
    .select('experiment_id')
    .where('workspace', '!=', 'default')
    .limit(1)
    .executeTakeFirst();
  if (foreign) {
    throw MlflowError.invalidState(
      'Cannot disable workspaces because experiments exist outside the default workspace (i.e., assigned to ' +
        'non-default workspaces). Enable workspace support (MLFLOW_ENABLE_WORKSPACES=true) or move those ' +
        'experiments back to the default workspace before starting the tracking store in single-tenant mode.',
    );
  }
  const defaultExperiment = await tx
    .selectFrom('experiments')
    .select('experiment_id')
    .where('experiment_id', '=', 0)
    .executeTakeFirst();
  if (!defaultExperiment) await createDefaultExperiment(tx, ctx);
}
