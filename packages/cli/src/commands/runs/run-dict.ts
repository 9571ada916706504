// A run as MLflow's Run.to_dictionary() gives it (what `mlflow runs describe` prints).
import type { Run } from '@mlflow-ts/protocol';

const kv = (list: { key: string; value?: unknown }[] | undefined) =>
  Object.fromEntries((list ?? []).map((e) => [e.key, e.value ?? '']));

/**
 * info (RunInfo's properties, sorted), data as key → value maps, inputs, and outputs when the
 * server sent them.
 *
 * @example
 * console.log(JSON.stringify(runDict(run), null, 4));
 */
export function runDict(run: Run): Record<string, unknown> {
  const i = run.info;
  const out: Record<string, unknown> = {
    info: {
      artifact_uri: i.artifact_uri ?? null,
      end_time: i.end_time ?? null,
      experiment_id: i.experiment_id,
      lifecycle_stage: i.lifecycle_stage,
      run_id: i.run_id,
      run_name: i.run_name ?? null,
      start_time: i.start_time ?? null,
      status: i.status,
      user_id: i.user_id ?? null,
    },
    data: {
      // Metrics come back as their latest values, as in Python's RunData.metrics.
      metrics: Object.fromEntries((run.data.metrics ?? []).map((m) => [m.key, m.value])),
      params: kv(run.data.params),
      tags: kv(run.data.tags),
    },
    inputs: {
      model_inputs: run.inputs?.model_inputs ?? [],
      dataset_inputs: (run.inputs?.dataset_inputs ?? []).map((d) => ({
        dataset: {
          name: d.dataset.name,
          digest: d.dataset.digest,
          source_type: d.dataset.source_type,
          source: d.dataset.source,
          schema: d.dataset.schema ?? null,
          profile: d.dataset.profile ?? null,
        },
        tags: kv(d.tags),
      })),
    },
  };
  if (run.outputs) out.outputs = { model_outputs: run.outputs.model_outputs ?? [] };
  return out;
}
