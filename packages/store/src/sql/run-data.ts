// Bulk loading of runs' tags, params and latest metrics (RunData), a few IN-list queries per batch of runs.
import type { Metric, Param, RunData, RunTag } from '@mlflow-ts/protocol';
import type { Executor } from './context.js';
import { chunks } from './writes.js';

/** Runs per IN list; far below every dialect's bound-parameter limit. */
const RUNS_PER_QUERY = 500;

function grouped<T>(runIds: readonly string[]): Map<string, T[]> {
  return new Map(runIds.map((id) => [id, []]));
}

export async function loadRunTags(tx: Executor, runIds: readonly string[]): Promise<Map<string, RunTag[]>> {
  const byRun = grouped<RunTag>(runIds);
  for (const part of chunks(runIds, RUNS_PER_QUERY)) {
    const rows = await tx
      .selectFrom('tags')
      .select(['run_uuid', 'key', 'value'])
      .where('run_uuid', 'in', part)
      .execute();
    for (const row of rows) {
      const tag: RunTag = { key: row.key };
      if (row.value !== null) tag.value = row.value;
      byRun.get(row.run_uuid)?.push(tag);
    }
  }
  return byRun;
}

async function loadParams(tx: Executor, runIds: readonly string[]): Promise<Map<string, Param[]>> {
  const byRun = grouped<Param>(runIds);
  for (const part of chunks(runIds, RUNS_PER_QUERY)) {
    const rows = await tx
      .selectFrom('params')
      .select(['run_uuid', 'key', 'value'])
      .where('run_uuid', 'in', part)
      .execute();
    for (const row of rows) byRun.get(row.run_uuid)?.push({ key: row.key, value: row.value });
  }
  return byRun;
}

/** NaN is stored as value 0 with is_nan set; ±Infinity comes back as ±Number.MAX_VALUE, as in MLflow. */
export function metricValue(value: number, isNan: unknown): number {
  return isNan ? Number.NaN : value;
}

async function loadLatestMetrics(tx: Executor, runIds: readonly string[]): Promise<Map<string, Metric[]>> {
  const byRun = grouped<Metric>(runIds);
  for (const part of chunks(runIds, RUNS_PER_QUERY)) {
    const rows = await tx
      .selectFrom('latest_metrics')
      .select(['run_uuid', 'key', 'value', 'timestamp', 'step', 'is_nan'])
      .where('run_uuid', 'in', part)
      .execute();
    for (const row of rows) {
      byRun.get(row.run_uuid)?.push({
        key: row.key,
        value: metricValue(row.value, row.is_nan),
        timestamp: row.timestamp ?? 0,
        step: row.step,
      });
    }
  }
  return byRun;
}

/** RunData per run id; `tags` is passed in when the caller already loaded them (run names need them). */
export async function loadRunData(
  tx: Executor,
  runIds: readonly string[],
  tags: Map<string, RunTag[]>,
): Promise<Map<string, RunData>> {
  const [params, metrics] = [await loadParams(tx, runIds), await loadLatestMetrics(tx, runIds)];
  return new Map(
    runIds.map((id) => [
      id,
      { metrics: metrics.get(id) ?? [], params: params.get(id) ?? [], tags: tags.get(id) ?? [] },
    ]),
  );
}
