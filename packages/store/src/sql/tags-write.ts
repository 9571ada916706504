// Writing run tags: upserts where the last value wins; the mlflow.runName tag renames the run.
import type { RunTag } from '@mlflow-ts/protocol';
import type { Executor, StoreContext } from './context.js';
import { RUN_NAME_TAG, type RunRow } from './run-rows.js';
import { applyRunUpdate } from './runs.js';
import { upsertRowsDirect } from './direct-writes.js';

/**
 * Sets tags on an active run inside the caller's transaction. Setting mlflow.runName goes
 * through the run update (name column + tag); an empty name changes nothing, as in MLflow.
 */
export async function writeTags(
  tx: Executor,
  ctx: StoreContext,
  run: RunRow,
  tags: readonly RunTag[],
): Promise<void> {
  const latest = new Map<string, RunTag>();
  let current = run;
  for (const tag of tags) {
    if (tag.key === RUN_NAME_TAG) {
      if (tag.value) current = await applyRunUpdate(tx, ctx, current, { runName: tag.value });
    } else {
      latest.set(tag.key, tag);
    }
  }
  if (latest.size === 0) return;
  const rows = [...latest.values()].map((t) => ({
    run_uuid: run.run_uuid,
    key: t.key,
    value: t.value ?? null,
  }));
  await upsertRowsDirect(tx, ctx, 'tags', rows, ['key', 'run_uuid'], ['value']);
}
