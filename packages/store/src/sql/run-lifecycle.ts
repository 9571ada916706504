// Soft delete and restore of runs, one run or all runs of an experiment, as MLflow marks them.
import type { Executor, StoreContext } from './context.js';
import { DELETED } from './view-type.js';

export type RunSelector = { runId: string } | { experimentId: number };

/**
 * MLflow deletes the assessments a deleted run produced (their metadata names the run as
 * `mlflow.assessment.sourceRunId`); the table is usually empty, so check that first.
 */
async function deleteRunAssessments(tx: Executor, selector: RunSelector): Promise<void> {
  const any = await tx.selectFrom('assessments').select('assessment_id').limit(1).executeTakeFirst();
  if (!any) return;
  const runIds =
    'runId' in selector
      ? [selector.runId]
      : (
          await tx
            .selectFrom('runs')
            .select('run_uuid')
            .where('experiment_id', '=', selector.experimentId)
            .execute()
        ).map((r) => r.run_uuid);
  for (const runId of runIds) {
    await tx
      .deleteFrom('assessments')
      .where('assessment_metadata', 'like', `%"mlflow.assessment.sourceRunId": "${runId}"%`)
      .execute();
  }
}

/**
 * Deleting stamps `deleted_time` on every selected run (also runs already deleted, as MLflow's
 * loop does); restoring clears it.
 */
export async function setRunsLifecycle(
  tx: Executor,
  ctx: StoreContext,
  selector: RunSelector,
  stage: 'active' | 'deleted',
): Promise<void> {
  if (stage === DELETED) await deleteRunAssessments(tx, selector);
  const deletedTime = stage === DELETED ? ctx.now() : null;
  let update = tx.updateTable('runs').set({ lifecycle_stage: stage, deleted_time: deletedTime });
  update =
    'runId' in selector
      ? update.where('run_uuid', '=', selector.runId)
      : update.where('experiment_id', '=', selector.experimentId);
  await update.execute();
}
