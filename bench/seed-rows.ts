// The seeded benchmark data as rows of MLflow's tables, generated in chunks so any backend can write it.
import { randomUUID } from 'node:crypto';
import type { Size } from './sizes.js';

/** What the workloads need to know about the seeded data. */
export interface SeedInfo {
  searchExperimentId: string;
  writeExperimentId: string;
  historyRunId: string;
  bulkKey: string;
  historyKey: string;
  searchRuns: number;
}

export const SEARCH_METRICS = 20;
export const SEARCH_PARAMS = 20;
export const SEARCH_TAGS = 10;

type Cell = string | number;
/** Column lists of the tables the seed writes; each row is an array in this order. */
export const SEED_COLUMNS = {
  experiments: [
    'experiment_id',
    'name',
    'artifact_location',
    'lifecycle_stage',
    'creation_time',
    'last_update_time',
  ],
  runs: [
    'run_uuid',
    'name',
    'source_type',
    'source_name',
    'entry_point_name',
    'user_id',
    'status',
    'start_time',
    'end_time',
    'source_version',
    'lifecycle_stage',
    'artifact_uri',
    'experiment_id',
  ],
  metrics: ['key', 'value', 'timestamp', 'run_uuid', 'step', 'is_nan'],
  latest_metrics: ['key', 'value', 'timestamp', 'step', 'is_nan', 'run_uuid'],
  params: ['key', 'value', 'run_uuid'],
  tags: ['key', 'value', 'run_uuid'],
} as const;
export type SeedTable = keyof typeof SEED_COLUMNS;
export type SeedChunk = Record<SeedTable, Cell[][]>;

const emptyChunk = (): SeedChunk => ({
  experiments: [],
  runs: [],
  metrics: [],
  latest_metrics: [],
  params: [],
  tags: [],
});

/** Rows per chunk handed to the writer: bounded memory at any seed size. */
const CHUNK_RUNS = 1_000;
const CHUNK_STEPS = 50_000;

const runId = (): string => randomUUID().replaceAll('-', '');

/**
 * Generates the seed (experiments 0–3, the search experiment's runs, the history run) chunk by chunk;
 * `write` stores each chunk before the next is built. Booleans are 0/1, as both SQLite and PostgreSQL take them.
 */
export async function generateSeed(
  size: Size,
  write: (chunk: SeedChunk) => Promise<void> | void,
): Promise<SeedInfo> {
  const now = Date.now();
  let chunk = emptyChunk();
  const flush = async (): Promise<void> => {
    await write(chunk);
    chunk = emptyChunk();
  };
  const addRun = (experimentId: number, name: string, t: number): string => {
    const id = runId();
    chunk.runs.push([
      id,
      name,
      'UNKNOWN',
      '',
      '',
      'bench',
      'FINISHED',
      t,
      t + 1000,
      '',
      'active',
      `mlflow-artifacts:/${experimentId}/${id}/artifacts`,
      experimentId,
    ]);
    chunk.tags.push(['mlflow.runName', name, id], ['mlflow.user', 'bench', id]);
    return id;
  };
  for (const [id, name] of [
    [0, 'Default'],
    [1, 'bench-search'],
    [2, 'bench-history'],
    [3, 'bench-writes'],
  ] as const)
    chunk.experiments.push([id, name, `mlflow-artifacts:/${id}`, 'active', now, now]);

  for (let r = 0; r < size.searchRuns; r++) {
    const t = now - size.searchRuns + r;
    const id = addRun(1, `run-${r}`, t);
    for (let m = 0; m < SEARCH_METRICS; m++) {
      const value = Math.random();
      chunk.metrics.push([`m${m}`, value, t, id, 0, 0]);
      chunk.latest_metrics.push([`m${m}`, value, t, 0, 0, id]);
    }
    for (let p = 0; p < SEARCH_PARAMS; p++) chunk.params.push([`p${p}`, `value-${(r + p) % 13}`, id]);
    chunk.tags.push(['t0', r % 2 === 0 ? 'even' : 'odd', id]);
    for (let g = 1; g < SEARCH_TAGS; g++) chunk.tags.push([`t${g}`, `tag-${(r * g) % 17}`, id]);
    if ((r + 1) % CHUNK_RUNS === 0) await flush();
  }

  const historyRunId = addRun(2, 'history', now);
  for (const [key, steps] of [
    ['bulk', size.bulkIntervalSteps],
    ['hist', size.historyPoints],
  ] as const) {
    let value = 0;
    for (let s = 0; s < steps; s++) {
      value = Math.sin(s / 1000) + s / steps;
      chunk.metrics.push([key, value, now + s, historyRunId, s, 0]);
      if ((s + 1) % CHUNK_STEPS === 0) await flush();
    }
    chunk.latest_metrics.push([key, value, now + steps - 1, steps - 1, 0, historyRunId]);
  }
  await flush();
  return {
    searchExperimentId: '1',
    writeExperimentId: '3',
    historyRunId,
    bulkKey: 'bulk',
    historyKey: 'hist',
    searchRuns: size.searchRuns,
  };
}
