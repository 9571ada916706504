// Reads where a database stands (tables, alembic revision) and decides what an upgrade must do to it.
import { HEAD_REVISION, OLDER_REVISIONS } from '../schema/alembic-revisions.js';
import { isEmpty, type DatabaseState } from './database-state.js';
import type { MigrationStep } from './migration-step.js';
import { MIGRATION_STEPS, OLDEST_REVISION } from './step-chain.js';

export { isEmpty, readDatabaseState, type DatabaseState } from './database-state.js';

export type UpgradePlan =
  | { readonly kind: 'empty' }
  | { readonly kind: 'current' }
  | { readonly kind: 'steps'; readonly from: string; readonly steps: readonly MigrationStep[] }
  | { readonly kind: 'refuse'; readonly reason: string };

export function planUpgrade(state: DatabaseState): UpgradePlan {
  if (isEmpty(state)) return { kind: 'empty' };
  const { revision } = state;
  if (revision === HEAD_REVISION) return { kind: 'current' };
  if (revision === null) {
    return {
      kind: 'refuse',
      reason:
        'The database holds tables but no alembic revision, so it is not an MLflow tracking database ' +
        '(or its alembic_version row was lost); nothing was changed.',
    };
  }
  const start = MIGRATION_STEPS.findIndex((step) => step.downRevision === revision);
  if (start >= 0) return { kind: 'steps', from: revision, steps: MIGRATION_STEPS.slice(start) };
  if (OLDER_REVISIONS.includes(revision)) {
    return {
      kind: 'refuse',
      reason:
        `The database is at alembic revision ${revision}, from an MLflow release before 2.9; mlflow-ts migrates ` +
        `from revision ${OLDEST_REVISION} (MLflow 2.9) on. Run 'mlflow db upgrade' of MLflow 2.9 on it first; ` +
        'nothing was changed.',
    };
  }
  return {
    kind: 'refuse',
    reason:
      `The database is at alembic revision ${revision}, which mlflow-ts does not know (it migrates up to ` +
      `${HEAD_REVISION}, MLflow 3.18.0): it was written by a newer or unknown MLflow version; nothing was changed.`,
  };
}
