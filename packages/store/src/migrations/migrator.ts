// Runs migration steps in order on one connection, each in its own transaction where the database allows,
// moving alembic_version along exactly as alembic does; reports every step's outcome (shaped like Kysely's).
import { sql, type Kysely } from 'kysely';
import type { MigrationDialect, MigrationStep, StepContext } from './migration-step.js';
import { stepStatements } from './step-sql.js';

export type MigrationStatus = 'Success' | 'Error' | 'NotExecuted';

export interface MigrationResult {
  readonly revision: string;
  readonly description: string;
  /** `NotExecuted`: an earlier step failed, so this one was not tried. */
  readonly status: MigrationStatus;
  readonly durationMs?: number;
}

export interface MigrationResultSet {
  /** Set when a step failed; its result has status `Error` and the rest `NotExecuted`. */
  readonly error?: unknown;
  readonly results: readonly MigrationResult[];
  /** What to know about the database after a failure (what was undone and what was not). */
  readonly stateAfterError?: string;
  /** Steps found already applied by another process running at the same time (left out of `results`). */
  readonly appliedElsewhere: number;
}

export interface MigratorOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly db: Kysely<any>;
  readonly dialect: MigrationDialect;
  readonly now?: () => number;
}

/**
 * A session-level lock held for the whole run, so two processes upgrading one server database
 * queue instead of racing (SQLite's BEGIN IMMEDIATE already serializes writers).
 */
const SESSION_LOCK: Readonly<Record<MigrationDialect, { acquire: string; release: string } | undefined>> = {
  sqlite: undefined,
  postgres: {
    acquire: 'SELECT pg_advisory_lock(7286420432)',
    release: 'SELECT pg_advisory_unlock(7286420432)',
  },
  mysql: {
    acquire: "SELECT GET_LOCK(CONCAT('mlflow_ts_migrate:', DATABASE()), 3600)",
    release: "SELECT RELEASE_LOCK(CONCAT('mlflow_ts_migrate:', DATABASE()))",
  },
};

/** PostgreSQL and SQLite run DDL inside transactions; MySQL and MariaDB commit each DDL statement at once. */
function transactional(dialect: MigrationDialect): boolean {
  return dialect !== 'mysql';
}

/**
 * Moves the stamp from `from` to `to` with alembic's own statement shape. Exactly one row must
 * change: anything else means another process moved the database under us.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function moveStamp(tx: Kysely<any>, from: string, to: string): Promise<void> {
  const result =
    await sql`UPDATE alembic_version SET version_num = ${to} WHERE alembic_version.version_num = ${from}`.execute(
      tx,
    );
  if (Number(result.numAffectedRows ?? 0) !== 1) {
    throw new Error(
      `alembic_version no longer says ${from}: another process changed the database during the upgrade.`,
    );
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function currentRevision(conn: Kysely<any>): Promise<string | undefined> {
  const { rows } = await sql<{ version_num: string }>`SELECT version_num FROM alembic_version`.execute(conn);
  return rows[0]?.version_num;
}

function afterErrorNote(dialect: MigrationDialect, step: MigrationStep): string {
  if (transactional(dialect)) {
    return (
      `The failed step was rolled back: the database is at revision ${step.downRevision}, ` +
      'with every earlier step applied and committed; run the upgrade again once the cause is fixed.'
    );
  }
  return (
    `MySQL/MariaDB commit each schema change at once, so step ${step.revision} may be partly applied: ` +
    `alembic_version still says ${step.downRevision}, earlier steps are complete. ` +
    'Restore your backup (or undo that step by hand) before running the upgrade again.'
  );
}

/**
 * Applies `steps` (which must start at the database's current revision) one by one. A failing
 * step stops the run; the result set says which steps ran, which failed, which did not run.
 */
export async function runMigrations(
  options: MigratorOptions,
  steps: readonly MigrationStep[],
): Promise<MigrationResultSet> {
  const { db, dialect } = options;
  const now = options.now ?? Date.now;
  const outcome = (step: MigrationStep, status: MigrationStatus, durationMs?: number): MigrationResult => ({
    revision: step.revision,
    description: step.description,
    status,
    ...(durationMs === undefined ? {} : { durationMs }),
  });
  const results = steps.map((s) => outcome(s, 'NotExecuted'));
  /** Steps another process applied while we waited are not ours to report. */
  const doneElsewhere = new Set<number>();
  const report = (
    extra: Omit<MigrationResultSet, 'results' | 'appliedElsewhere'> = {},
  ): MigrationResultSet => ({
    ...extra,
    results: results.filter((_, index) => !doneElsewhere.has(index)),
    appliedElsewhere: doneElsewhere.size,
  });
  return db.connection().execute(async (conn) => {
    // SQLite rebuilds tables (create copy, drop, rename): with foreign keys enforced, dropping a
    // parent would cascade into its children. The pragma only changes outside a transaction.
    if (dialect === 'sqlite') await sql.raw('PRAGMA foreign_keys = OFF').execute(conn);
    const lock = SESSION_LOCK[dialect];
    if (lock) await sql.raw(lock.acquire).execute(conn);
    try {
      for (const [index, step] of steps.entries()) {
        const started = Date.now();
        const context: StepContext = {
          tx: conn,
          dialect,
          now,
          script: async (part) => {
            for (const statement of stepStatements(dialect, step.revision, part)) {
              await sql.raw(statement).execute(conn);
            }
          },
        };
        try {
          if (transactional(dialect))
            await sql.raw(dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(conn);
          // Another process (a second server worker opening the same database) may have run this
          // step while we waited for the lock: then skip up to where it got.
          const at = await currentRevision(conn);
          if (at !== step.downRevision && steps.slice(index).some((s) => s.revision === at)) {
            if (transactional(dialect)) await sql.raw('ROLLBACK').execute(conn);
            doneElsewhere.add(index);
            continue;
          }
          await step.up(context);
          await moveStamp(conn, step.downRevision, step.revision);
          if (transactional(dialect)) await sql.raw('COMMIT').execute(conn);
          results[index] = outcome(step, 'Success', Date.now() - started);
        } catch (error) {
          if (transactional(dialect)) {
            await sql
              .raw('ROLLBACK')
              .execute(conn)
              .catch(() => undefined);
          }
          results[index] = outcome(step, 'Error', Date.now() - started);
          return report({ error, stateAfterError: afterErrorNote(dialect, step) });
        }
      }
      return report();
    } finally {
      if (lock) await sql.raw(lock.release).execute(conn);
      if (dialect === 'sqlite') await sql.raw('PRAGMA foreign_keys = ON').execute(conn);
    }
  });
}
