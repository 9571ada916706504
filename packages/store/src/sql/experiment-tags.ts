// Experiment tags: set (upsert) and delete, on active experiments only.
import { MlflowError, type ExperimentTag } from '@mlflow-ts/protocol';
import { inWriteTransaction, type StoreContext } from './context.js';
import { loadExperimentRow, requireActiveExperiment } from './experiment-rows.js';
import { upsertRows } from './writes.js';

export function setExperimentTag(ctx: StoreContext, experimentId: string, tag: ExperimentTag): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const row = await loadExperimentRow(tx, experimentId, 'ALL');
    requireActiveExperiment(row);
    const tagRow = { experiment_id: row.experiment_id, key: tag.key, value: tag.value ?? null };
    await upsertRows(tx, ctx.dialect, 'experiment_tags', [tagRow], ['key', 'experiment_id'], ['value']);
  });
}

export function deleteExperimentTag(ctx: StoreContext, experimentId: string, key: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const row = await loadExperimentRow(tx, experimentId, 'ALL');
    requireActiveExperiment(row);
    const result = await tx
      .deleteFrom('experiment_tags')
      .where('experiment_id', '=', row.experiment_id)
      .where('key', '=', key)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw MlflowError.notFound(`No tag with name: ${key} in experiment with id ${experimentId}`);
    }
  });
}
