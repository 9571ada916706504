// Bulk loading of runs' tags, params and latest metrics (RunData), a few IN-list queries per batch of runs.
import type Database from 'better-sqlite3';
import type { Metric, Param, RunData, RunTag } from '@mlflow-ts/protocol';
import { preparedStatement } from '../dialects/sqlite-handle.js';
import type { Executor } from './context.js';
import { chunks } from './writes.js';

/** Runs per IN list; far below every dialect's bound-parameter limit. */
const RUNS_PER_QUERY = 500;

/**
 * On SQLite the child rows of a page (tens of thousands for a page of 1000 runs) are read straight
 * from the better-sqlite3 handle as arrays: building one object per row is most of the cost
 * through Kysely. The run ids go in as one JSON array, so each SQL text is fixed and stays prepared.
 */
const SQLITE_ROWS = {
  tags: 'SELECT run_uuid, key, value FROM tags WHERE run_uuid IN (SELECT value FROM json_each(?))',
  params: 'SELECT run_uuid, key, value FROM params WHERE run_uuid IN (SELECT value FROM json_each(?))',
  metrics:
    'SELECT run_uuid, key, value, timestamp, step, is_nan FROM latest_metrics ' +
    'WHERE run_uuid IN (SELECT value FROM json_each(?))',
} as const;

function sqliteRows(handle: Database.Database, text: string, runIds: readonly string[]): unknown[][] {
  return preparedStatement(handle, text).raw(true).all(JSON.stringify(runIds)) as unknown[][];
}

function grouped<T>(runIds: readonly string[]): Map<string, T[]> {
  return new Map(runIds.map((id) => [id, []]));
}

/** `sqlite` is the better-sqlite3 handle under `tx` when the store is SQLite (a faster path). */
export async function loadRunTags(
  tx: Executor,
  runIds: readonly string[],
  sqlite?: Database.Database,
): Promise<Map<string, RunTag[]>> {
  const byRun = grouped<RunTag>(runIds);
  if (sqlite) {
    for (const [runId, key, value] of sqliteRows(sqlite, SQLITE_ROWS.tags, runIds)) {
      const tag: RunTag = { key: key as string };
      if (value !== null) tag.value = value as string;
      byRun.get(runId as string)?.push(tag);
    }
    return byRun;
  }
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

async function loadParams(
  tx: Executor,
  runIds: readonly string[],
  sqlite: Database.Database | undefined,
): Promise<Map<string, Param[]>> {
  const byRun = grouped<Param>(runIds);
  if (sqlite) {
    for (const [runId, key, value] of sqliteRows(sqlite, SQLITE_ROWS.params, runIds)) {
      byRun.get(runId as string)?.push({ key: key as string, value: value as string });
    }
    return byRun;
  }
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

async function loadLatestMetrics(
  tx: Executor,
  runIds: readonly string[],
  sqlite: Database.Database | undefined,
): Promise<Map<string, Metric[]>> {
  const byRun = grouped<Metric>(runIds);
  if (sqlite) {
    for (const [runId, key, value, timestamp, step, isNan] of sqliteRows(
      sqlite,
      SQLITE_ROWS.metrics,
      runIds,
    )) {
      byRun.get(runId as string)?.push({
        key: key as string,
        value: metricValue(value as number, isNan),
        timestamp: (timestamp as number | null) ?? 0,
        step: step as number,
      });
    }
    return byRun;
  }
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
  sqlite?: Database.Database,
): Promise<Map<string, RunData>> {
  const [params, metrics] = [
    await loadParams(tx, runIds, sqlite),
    await loadLatestMetrics(tx, runIds, sqlite),
  ];
  return new Map(
    runIds.map((id) => [
      id,
      { metrics: metrics.get(id) ?? [], params: params.get(id) ?? [], tags: tags.get(id) ?? [] },
    ]),
  );
}
