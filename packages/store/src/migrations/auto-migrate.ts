// Opening an older database: MLflow's tracking store migrates it when some of today's tables are missing.
import type { StoreContext } from '../sql/context.js';
import { MlflowError } from '@mlflow-ts/protocol';
import { isEmpty, readDatabaseState } from './database-state.js';

/** Table names of MLflow 3.18.0's schema, read from the dialect's schema statements. */
function schemaTables(ctx: StoreContext): string[] {
  return ctx.dialect
    .schemaStatements()
    .map((statement) => /^CREATE TABLE\s+[`"]?(\w+)/i.exec(statement)?.[1])
    .filter((name): name is string => name !== undefined && !name.startsWith('alembic_'));
}

/**
 * MLflow 3.18's SqlAlchemyStore runs every pending migration when one of its tables is missing
 * (`_all_tables_exist` false → `_initialize_tables`), and refuses a database that has them all at
 * an older revision. We do the same: migrate here, and leave refusing to prepareDatabase. A
 * database our steps cannot start from is left to prepareDatabase's refusal as well.
 */
export async function migrateIfTablesMissing(ctx: StoreContext, uri: string): Promise<void> {
  const state = await readDatabaseState(ctx.db);
  if (isEmpty(state)) return;
  if (schemaTables(ctx).every((name) => state.tables.has(name))) return;
  // The step chain (~56 modules) is loaded only here, so a server on a current database never holds it.
  const [{ planUpgrade }, { runMigrations }, { migrationDialectOf }] = await Promise.all([
    import('./upgrade-plan.js'),
    import('./migrator.js'),
    import('./migration-dialect.js'),
  ]);
  const plan = planUpgrade(state);
  if (plan.kind !== 'steps') return;
  const result = await runMigrations(
    { db: ctx.db, dialect: migrationDialectOf(uri), now: ctx.now },
    plan.steps,
  );
  if (result.error === undefined) return;
  const failed = result.results.find((r) => r.status === 'Error');
  const why = result.error instanceof Error ? result.error.message : String(result.error);
  throw MlflowError.invalidState(
    `Migrating the database from revision ${plan.from} failed at step ${failed?.revision ?? '?'} ` +
      `(${failed?.description ?? ''}): ${why} ${result.stateAfterError ?? ''}`.trim(),
  );
}
