// `mlflow-ts db upgrade`: from a database URI to MLflow 3.18.0's schema, creating, migrating or refusing.
import { MlflowError } from '@mlflow-ts/protocol';
import { openDatabase } from '../open-database.js';
import { initializeEmptyDatabase } from '../schema/prepare-database.js';
import { HEAD_REVISION } from '../schema/alembic-revisions.js';
import { migrationDialectOf } from './migration-dialect.js';
import { runMigrations, type MigrationResultSet } from './migrator.js';
import { planUpgrade, readDatabaseState } from './upgrade-plan.js';

export type UpgradeOutcome =
  /** The database was empty and now holds MLflow 3.18.0's schema. */
  | { readonly kind: 'created'; readonly revision: string }
  /** Already at the head revision; nothing was done. */
  | { readonly kind: 'up-to-date'; readonly revision: string }
  /** Steps were run from `from`; `resultSet.error` says whether all of them succeeded. */
  | {
      readonly kind: 'migrated';
      readonly from: string;
      /** Where the steps lead: the head revision. */
      readonly to: string;
      readonly resultSet: MigrationResultSet;
    };

export interface UpgradeOptions {
  readonly now?: () => number;
}

/**
 * Brings the database behind `uri` to MLflow 3.18.0's schema. A database this cannot migrate
 * (unknown, newer, or older than MLflow 2.9) is refused with an MlflowError and left untouched.
 */
export async function upgradeDatabase(uri: string, options: UpgradeOptions = {}): Promise<UpgradeOutcome> {
  const { db, dialect } = await openDatabase(uri);
  try {
    const plan = planUpgrade(await readDatabaseState(db));
    if (plan.kind === 'refuse') throw MlflowError.invalidState(plan.reason);
    if (plan.kind === 'current') return { kind: 'up-to-date', revision: HEAD_REVISION };
    if (plan.kind === 'empty') {
      const ctx = { db, dialect, artifactRoot: '', now: options.now ?? Date.now };
      // Another process may have filled it meanwhile: then look again from the start.
      if (await initializeEmptyDatabase(ctx)) return { kind: 'created', revision: HEAD_REVISION };
      return await upgradeDatabase(uri, options);
    }
    const resultSet = await runMigrations({ db, dialect: migrationDialectOf(uri), ...options }, plan.steps);
    return { kind: 'migrated', from: plan.from, to: HEAD_REVISION, resultSet };
  } finally {
    await db.destroy();
  }
}
