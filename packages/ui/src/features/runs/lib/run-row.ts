// A run flattened for the table: metrics, params and tags as lookups, built once when a page arrives.
import type { Run } from '@mlflow-ts/protocol';

export interface RunRow {
  readonly runId: string;
  readonly name: string;
  readonly experimentId: string;
  readonly status: string;
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  readonly userId: string;
  readonly lifecycleStage: string;
  readonly metrics: ReadonlyMap<string, number>;
  readonly params: ReadonlyMap<string, string>;
  readonly tags: ReadonlyMap<string, string>;
}

export function toRunRow(run: Run): RunRow {
  const metrics = new Map<string, number>();
  for (const m of run.data.metrics ?? []) metrics.set(m.key, m.value);
  const params = new Map<string, string>();
  for (const p of run.data.params ?? []) params.set(p.key, p.value ?? '');
  const tags = new Map<string, string>();
  for (const t of run.data.tags ?? []) tags.set(t.key, t.value ?? '');
  return {
    runId: run.info.run_id,
    name: run.info.run_name ?? tags.get('mlflow.runName') ?? '',
    experimentId: run.info.experiment_id,
    status: run.info.status,
    startTime: run.info.start_time,
    endTime: run.info.end_time,
    userId: run.info.user_id ?? tags.get('mlflow.user') ?? '',
    lifecycleStage: run.info.lifecycle_stage,
    metrics,
    params,
    tags,
  };
}

/** The metric, param and tag keys seen in these rows, each sorted (MLflow's tables list them A→Z). */
export interface RunKeys {
  readonly metrics: string[];
  readonly params: string[];
  readonly tags: string[];
}

export function collectKeys(rows: readonly RunRow[]): RunKeys {
  const metrics = new Set<string>();
  const params = new Set<string>();
  const tags = new Set<string>();
  for (const row of rows) {
    for (const k of row.metrics.keys()) metrics.add(k);
    for (const k of row.params.keys()) params.add(k);
    for (const k of row.tags.keys()) tags.add(k);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { metrics: sorted(metrics), params: sorted(params), tags: sorted(tags) };
}
