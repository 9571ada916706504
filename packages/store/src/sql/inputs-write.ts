// Writing run inputs (datasets with input tags, models) and model outputs into the inputs edge table.
import { randomUUID } from 'node:crypto';
import type { DatasetInput, ModelInput, ModelOutput } from '@mlflow-ts/protocol';
import type { Executor, StoreContext } from './context.js';
import { EDGE } from './run-inputs.js';
import type { RunRow } from './run-rows.js';
import { chunks, insertIgnoringDuplicates, upsertRows } from './writes.js';

const uuidHex = (): string => randomUUID().replace(/-/g, '');

/** First occurrence of each (name, digest) wins, as in MLflow. */
function uniqueByNameDigest(inputs: readonly DatasetInput[]): DatasetInput[] {
  const seen = new Map<string, DatasetInput>();
  for (const input of inputs) {
    const id = JSON.stringify([input.dataset.name, input.dataset.digest]);
    if (!seen.has(id)) seen.set(id, input);
  }
  return [...seen.values()];
}

/** Dataset rows are shared by all runs of an experiment: reuse one with the same (name, digest). */
async function datasetUuids(
  tx: Executor,
  experimentId: number,
  inputs: readonly DatasetInput[],
): Promise<Map<string, string>> {
  const uuids = new Map<string, string>();
  for (const part of chunks(inputs, 400)) {
    const rows = await tx
      .selectFrom('datasets')
      .select(['name', 'digest', 'dataset_uuid'])
      .where('experiment_id', '=', experimentId)
      .where(
        'name',
        'in',
        part.map((i) => i.dataset.name),
      )
      .where(
        'digest',
        'in',
        part.map((i) => i.dataset.digest),
      )
      .execute();
    for (const row of rows) uuids.set(JSON.stringify([row.name, row.digest]), row.dataset_uuid);
  }
  const fresh = [];
  for (const { dataset } of inputs) {
    const id = JSON.stringify([dataset.name, dataset.digest]);
    if (uuids.has(id)) continue;
    const uuid = uuidHex();
    uuids.set(id, uuid);
    fresh.push({
      dataset_uuid: uuid,
      experiment_id: experimentId,
      name: dataset.name,
      digest: dataset.digest,
      dataset_source_type: dataset.source_type,
      dataset_source: dataset.source,
      dataset_schema: dataset.schema ?? null,
      dataset_profile: dataset.profile ?? null,
    });
  }
  for (const part of chunks(fresh, 1000)) await tx.insertInto('datasets').values(part).execute();
  return uuids;
}

async function writeDatasetInputs(
  tx: Executor,
  run: RunRow,
  datasetInputs: readonly DatasetInput[],
): Promise<void> {
  const inputs = uniqueByNameDigest(datasetInputs);
  if (inputs.length === 0) return;
  const uuids = await datasetUuids(tx, run.experiment_id ?? 0, inputs);
  const linked = new Set(
    (
      await tx
        .selectFrom('inputs')
        .select('source_id')
        .where('source_type', '=', EDGE.dataset.source)
        .where('destination_type', '=', EDGE.dataset.destination)
        .where('destination_id', '=', run.run_uuid)
        .execute()
    ).map((r) => r.source_id),
  );
  // A dataset already linked to this run keeps its edge and tags; only new links are written.
  for (const input of inputs) {
    const datasetUuid = uuids.get(JSON.stringify([input.dataset.name, input.dataset.digest])) ?? '';
    if (linked.has(datasetUuid)) continue;
    linked.add(datasetUuid);
    const inputUuid = uuidHex();
    await tx
      .insertInto('inputs')
      .values({
        input_uuid: inputUuid,
        source_type: EDGE.dataset.source,
        source_id: datasetUuid,
        destination_type: EDGE.dataset.destination,
        destination_id: run.run_uuid,
      })
      .execute();
    const tags = [...new Map((input.tags ?? []).map((t) => [t.key, t])).values()];
    if (tags.length > 0) {
      await tx
        .insertInto('input_tags')
        .values(tags.map((t) => ({ input_uuid: inputUuid, name: t.key, value: t.value ?? '' })))
        .execute();
    }
  }
}

export async function writeInputs(
  tx: Executor,
  ctx: StoreContext,
  run: RunRow,
  datasets: readonly DatasetInput[],
  models: readonly ModelInput[],
): Promise<void> {
  await writeDatasetInputs(tx, run, datasets);
  // MLflow merges model input edges, so logging the same model again just renews the edge id.
  const edges = models.map((m) => ({
    input_uuid: uuidHex(),
    source_type: EDGE.modelInput.source,
    source_id: run.run_uuid,
    destination_type: EDGE.modelInput.destination,
    destination_id: m.model_id,
  }));
  const keys = ['source_type', 'source_id', 'destination_type', 'destination_id'];
  if (edges.length > 0) await upsertRows(tx, ctx.dialect, 'inputs', edges, keys, ['input_uuid']);
}

/** A model logged as output twice keeps its first step (MLflow would fail on the primary key). */
export async function writeOutputs(
  tx: Executor,
  ctx: StoreContext,
  run: RunRow,
  models: readonly ModelOutput[],
): Promise<void> {
  const edges = models.map((m) => ({
    input_uuid: uuidHex(),
    source_type: EDGE.modelOutput.source,
    source_id: run.run_uuid,
    destination_type: EDGE.modelOutput.destination,
    destination_id: m.model_id,
    step: m.step,
  }));
  if (edges.length > 0) await insertIgnoringDuplicates(tx, ctx.dialect, 'inputs', edges);
}
