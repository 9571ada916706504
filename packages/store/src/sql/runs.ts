// Run create, update, get, delete and restore with MLflow's SqlAlchemyStore rules.
import { randomUUID } from 'node:crypto';
import { MlflowError, type Run, type RunInfo, type RunTag } from '@mlflow-ts/protocol';
import type { CreateRunInput, UpdateRunInput } from '../tracking-store.js';
import { generateRunName } from '../util/run-names.js';
import { appendToUriPath } from '../util/uri-path.js';
import { inReadTransaction, inWriteTransaction, type Executor, type StoreContext } from './context.js';
import { loadExperimentRow, requireActiveExperiment } from './experiment-rows.js';
import { loadRunData, loadRunTags } from './run-data.js';
import { loadDatasetInputs, loadModelInputs, loadModelOutputs } from './run-inputs.js';
import { setRunsLifecycle } from './run-lifecycle.js';
import { RUN_NAME_TAG, loadActiveRunForWrite, loadRunRow, toRunInfo, type RunRow } from './run-rows.js';
import { ACTIVE, DELETED } from './view-type.js';
import { upsertRows } from './writes.js';

/** The run name: the argument, else the mlflow.runName tag, else a generated one; they may not disagree. */
function resolveRunName(
  runName: string | undefined,
  tags: readonly RunTag[],
): { name: string; tagged: boolean } {
  const tagName = tags.find((t) => t.key === RUN_NAME_TAG)?.value;
  if (runName && tagName && runName !== tagName) {
    throw MlflowError.invalidParameter(
      "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values " +
        `(run_name='${runName}', mlflow.runName='${tagName}').`,
    );
  }
  return { name: runName || tagName || generateRunName(), tagged: Boolean(tagName) };
}

export function createRun(ctx: StoreContext, input: CreateRunInput): Promise<Run> {
  return inWriteTransaction(ctx, async (tx) => {
    const experiment = await loadExperimentRow(tx, input.experimentId, 'ALL');
    requireActiveExperiment(experiment);
    const runId = randomUUID().replace(/-/g, '');
    const tags = [...(input.tags ?? [])];
    const { name, tagged } = resolveRunName(input.runName, tags);
    if (!tagged) tags.push({ key: RUN_NAME_TAG, value: name });
    const row: RunRow = {
      run_uuid: runId,
      name,
      source_type: 'UNKNOWN',
      source_name: '',
      entry_point_name: '',
      user_id: input.userId ?? '',
      status: 'RUNNING',
      start_time: input.startTime ?? ctx.now(),
      end_time: null,
      deleted_time: null,
      source_version: '',
      lifecycle_stage: ACTIVE,
      artifact_uri: appendToUriPath(experiment.artifact_location ?? '', runId, 'artifacts'),
      experiment_id: experiment.experiment_id,
    };
    await tx.insertInto('runs').values(row).execute();
    // A key given twice keeps its last value rather than failing on the primary key.
    const uniqueTags = [...new Map(tags.map((t) => [t.key, t])).values()];
    if (uniqueTags.length > 0) {
      await tx
        .insertInto('tags')
        .values(uniqueTags.map((t) => ({ run_uuid: runId, key: t.key, value: t.value ?? null })))
        .execute();
    }
    return {
      info: toRunInfo(row, uniqueTags),
      data: { metrics: [], params: [], tags: uniqueTags },
      inputs: { dataset_inputs: [] },
    };
  });
}

/** Applies an update to an already loaded active run; a new name also rewrites the mlflow.runName tag. */
export async function applyRunUpdate(
  tx: Executor,
  ctx: StoreContext,
  row: RunRow,
  input: UpdateRunInput,
): Promise<RunRow> {
  const updated: RunRow = { ...row };
  if (input.status !== undefined) updated.status = input.status;
  if (input.endTime !== undefined) updated.end_time = input.endTime;
  if (input.runName) updated.name = input.runName;
  await tx
    .updateTable('runs')
    .set({ status: updated.status, end_time: updated.end_time, name: updated.name })
    .where('run_uuid', '=', row.run_uuid)
    .execute();
  if (input.runName) {
    const tag = { run_uuid: row.run_uuid, key: RUN_NAME_TAG, value: input.runName };
    await upsertRows(tx, ctx.dialect, 'tags', [tag], ['key', 'run_uuid'], ['value']);
  }
  return updated;
}

export function updateRun(ctx: StoreContext, runId: string, input: UpdateRunInput): Promise<RunInfo> {
  return inWriteTransaction(ctx, async (tx) => {
    const row = await applyRunUpdate(tx, ctx, await loadActiveRunForWrite(tx, ctx, runId), input);
    const tags = await loadRunTags(tx, [runId]);
    return toRunInfo(row, tags.get(runId) ?? []);
  });
}

export function getRun(ctx: StoreContext, runId: string): Promise<Run> {
  return inReadTransaction(ctx, async (tx) => {
    const row = await loadRunRow(tx, runId);
    const tags = await loadRunTags(tx, [runId]);
    const data = (await loadRunData(tx, [runId], tags)).get(runId) ?? {};
    const datasetInputs = (await loadDatasetInputs(tx, [runId])).get(runId) ?? [];
    const modelInputs = await loadModelInputs(tx, runId);
    const modelOutputs = (await loadModelOutputs(tx, [runId])).get(runId) ?? [];
    return {
      info: toRunInfo(row, tags.get(runId) ?? []),
      data,
      inputs: { dataset_inputs: datasetInputs, model_inputs: modelInputs },
      outputs: { model_outputs: modelOutputs },
    };
  });
}

/** Deleting does not require an active run (MLflow re-stamps deleted_time). */
export function deleteRun(ctx: StoreContext, runId: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    await loadRunRow(tx, runId);
    await setRunsLifecycle(tx, ctx, { runId }, DELETED);
  });
}

export function restoreRun(ctx: StoreContext, runId: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    await loadRunRow(tx, runId);
    await setRunsLifecycle(tx, ctx, { runId }, ACTIVE);
  });
}
