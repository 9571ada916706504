// The logging calls (metric, param, tag, batch, inputs, outputs): an active run, then one transaction each.
import {
  MlflowError,
  type DatasetInput,
  type Metric,
  type ModelInput,
  type ModelOutput,
  type Param,
  type RunTag,
} from '@mlflow-ts/protocol';
import type { LogBatchInput } from '../tracking-store.js';
import { inWriteTransaction, type StoreContext } from './context.js';
import { writeInputs, writeOutputs } from './inputs-write.js';
import { writeMetrics } from './metrics-write.js';
import { writeParam, writeParams } from './params-write.js';
import { loadActiveRunForWrite } from './run-rows.js';
import { writeTags } from './tags-write.js';

export function logMetric(ctx: StoreContext, runId: string, metric: Metric): Promise<void> {
  return inWriteTransaction(ctx, async (tx) =>
    writeMetrics(tx, ctx, await loadActiveRunForWrite(tx, ctx, runId), [metric]),
  );
}

export function logParam(ctx: StoreContext, runId: string, param: Param): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    await loadActiveRunForWrite(tx, ctx, runId);
    await writeParam(tx, ctx, runId, param);
  });
}

export function setTag(ctx: StoreContext, runId: string, tag: RunTag): Promise<void> {
  return inWriteTransaction(ctx, async (tx) =>
    writeTags(tx, ctx, await loadActiveRunForWrite(tx, ctx, runId), [tag]),
  );
}

export function deleteTag(ctx: StoreContext, runId: string, key: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    await loadActiveRunForWrite(tx, ctx, runId);
    const result = await tx
      .deleteFrom('tags')
      .where('run_uuid', '=', runId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0)
      throw MlflowError.notFound(`No tag with name: ${key} in run with id ${runId}`);
  });
}

/**
 * Params, then metrics, then tags (MLflow's order, so the same error wins), all in one
 * transaction: an error part-way leaves nothing behind.
 */
export function logBatch(ctx: StoreContext, runId: string, batch: LogBatchInput): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const run = await loadActiveRunForWrite(tx, ctx, runId);
    await writeParams(tx, ctx, runId, batch.params ?? []);
    await writeMetrics(tx, ctx, run, batch.metrics ?? []);
    await writeTags(tx, ctx, run, batch.tags ?? []);
  });
}

export function logInputs(
  ctx: StoreContext,
  runId: string,
  datasets: DatasetInput[],
  models: ModelInput[] = [],
): Promise<void> {
  return inWriteTransaction(ctx, async (tx) =>
    writeInputs(tx, ctx, await loadActiveRunForWrite(tx, ctx, runId), datasets, models),
  );
}

export function logOutputs(ctx: StoreContext, runId: string, models: ModelOutput[]): Promise<void> {
  return inWriteTransaction(ctx, async (tx) =>
    writeOutputs(tx, ctx, await loadActiveRunForWrite(tx, ctx, runId), models),
  );
}
