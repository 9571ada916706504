// Reading runs' dataset inputs (with input tags), model inputs and model outputs from the inputs table.
import type { DatasetInput, ModelInput, ModelOutput } from '@mlflow-ts/protocol';
import type { Executor } from './context.js';
import { chunks } from './writes.js';

const RUNS_PER_QUERY = 500;

/**
 * The inputs table is a typed edge list: DATASET→RUN edges are dataset inputs, RUN_INPUT→
 * MODEL_INPUT edges model inputs, RUN_OUTPUT→MODEL_OUTPUT edges model outputs (with a step).
 */
export const EDGE = {
  dataset: { source: 'DATASET', destination: 'RUN' },
  modelInput: { source: 'RUN_INPUT', destination: 'MODEL_INPUT' },
  modelOutput: { source: 'RUN_OUTPUT', destination: 'MODEL_OUTPUT' },
} as const;

export async function loadDatasetInputs(
  tx: Executor,
  runIds: readonly string[],
): Promise<Map<string, DatasetInput[]>> {
  const byRun = new Map<string, Map<string, DatasetInput>>(runIds.map((id) => [id, new Map()]));
  for (const part of chunks(runIds, RUNS_PER_QUERY)) {
    const rows = await tx
      .selectFrom('inputs')
      .innerJoin('datasets', 'datasets.dataset_uuid', 'inputs.source_id')
      .leftJoin('input_tags', 'input_tags.input_uuid', 'inputs.input_uuid')
      .select([
        'inputs.destination_id as run_uuid',
        'datasets.dataset_uuid',
        'datasets.name',
        'datasets.digest',
        'datasets.dataset_source_type',
        'datasets.dataset_source',
        'datasets.dataset_schema',
        'datasets.dataset_profile',
        'input_tags.name as tag_key',
        'input_tags.value as tag_value',
      ])
      .where('inputs.destination_type', '=', EDGE.dataset.destination)
      .where('inputs.destination_id', 'in', part)
      .execute();
    for (const row of rows) {
      const inputs = byRun.get(row.run_uuid);
      if (!inputs) continue;
      let input = inputs.get(row.dataset_uuid);
      if (!input) {
        input = {
          tags: [],
          dataset: {
            name: row.name,
            digest: row.digest,
            source_type: row.dataset_source_type,
            source: row.dataset_source,
          },
        };
        if (row.dataset_schema !== null) input.dataset.schema = row.dataset_schema;
        if (row.dataset_profile !== null) input.dataset.profile = row.dataset_profile;
        inputs.set(row.dataset_uuid, input);
      }
      if (row.tag_key !== null) input.tags?.push({ key: row.tag_key, value: row.tag_value ?? '' });
    }
  }
  return new Map(runIds.map((id) => [id, [...(byRun.get(id)?.values() ?? [])]]));
}

export async function loadModelInputs(tx: Executor, runId: string): Promise<ModelInput[]> {
  const rows = await tx
    .selectFrom('inputs')
    .select('destination_id')
    .where('source_type', '=', EDGE.modelInput.source)
    .where('source_id', '=', runId)
    .where('destination_type', '=', EDGE.modelInput.destination)
    .execute();
  return rows.map((r) => ({ model_id: r.destination_id }));
}

export async function loadModelOutputs(
  tx: Executor,
  runIds: readonly string[],
): Promise<Map<string, ModelOutput[]>> {
  const byRun = new Map<string, ModelOutput[]>(runIds.map((id) => [id, []]));
  for (const part of chunks(runIds, RUNS_PER_QUERY)) {
    const rows = await tx
      .selectFrom('inputs')
      .select(['source_id', 'destination_id', 'step'])
      .where('source_type', '=', EDGE.modelOutput.source)
      .where('source_id', 'in', part)
      .where('destination_type', '=', EDGE.modelOutput.destination)
      .execute();
    for (const r of rows) byRun.get(r.source_id)?.push({ model_id: r.destination_id, step: r.step });
  }
  return byRun;
}
