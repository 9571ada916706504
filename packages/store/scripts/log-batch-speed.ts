// Measures logBatch of 1000 metrics (and a few reads) on a temp SQLite file:
// node --conditions=source --import tsx packages/store/scripts/log-batch-speed.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openTrackingStore } from '@mlflow-ts/store';

const dir = mkdtempSync(path.join(tmpdir(), 'mlflow-ts-speed-'));
const store = await openTrackingStore(`sqlite:///${path.join(dir, 'speed.db')}`, {
  defaultArtifactRoot: dir,
});
const exp = await store.createExperiment({ name: 'speed' });
const runId = (await store.createRun({ experimentId: exp, userId: 'u', startTime: 0 })).info.run_id;

async function timed(label: string, rounds: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  await fn(-1); // warm-up
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `${label}: median ${median.toFixed(2)} ms, best ${(times[0] ?? 0).toFixed(2)} ms over ${rounds}`,
  );
}

let step = 0;
// 1000 points over 10 keys, new steps each round: the common autolog shape.
await timed('logBatch 1000 metrics (10 keys x 100 steps)', 30, () => {
  const metrics = Array.from({ length: 1000 }, (_, i) => ({
    key: `m${i % 10}`,
    value: Math.random(),
    timestamp: Date.now(),
    step: step + Math.floor(i / 10),
  }));
  step += 100;
  return store.logBatch(runId, { metrics });
});
// The floor: the same rows through one reused prepared statement in one transaction, on a
// second connection to the same file (so the same schema and indexes), nothing else.
const raw = new Database(path.join(dir, 'speed.db'));
raw.pragma('synchronous = NORMAL');
const insert = raw.prepare(
  'INSERT INTO metrics (run_uuid, key, value, timestamp, step, is_nan) VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING',
);
await timed('  floor: raw better-sqlite3 insert of the same 1000 rows', 30, () => {
  const rows = Array.from(
    { length: 1000 },
    (_, i) => [`m${i % 10}`, Math.random(), Date.now(), step + Math.floor(i / 10)] as const,
  );
  step += 100;
  raw.transaction(() => {
    for (const r of rows) insert.run(runId, ...r);
  })();
  return Promise.resolve();
});
raw.close();
await timed('logBatch 1000 metrics (1000 distinct keys)', 30, (round) =>
  store.logBatch(runId, {
    metrics: Array.from({ length: 1000 }, (_, i) => ({
      key: `k${i}`,
      value: round,
      timestamp: round,
      step: round + 1,
    })),
  }),
);
await timed('logBatch 100 params + 100 tags + 800 metrics', 30, (round) =>
  store.logBatch(runId, {
    params: Array.from({ length: 100 }, (_, i) => ({ key: `p${round}_${i}`, value: 'v' })),
    tags: Array.from({ length: 100 }, (_, i) => ({ key: `t${i}`, value: String(round) })),
    metrics: Array.from({ length: 800 }, (_, i) => ({
      key: `x${i % 8}`,
      value: i,
      timestamp: round,
      step: i,
    })),
  }),
);
await timed('logMetric (single point)', 200, (i) =>
  store.logMetric(runId, { key: 'single', value: i, timestamp: i, step: i }),
);
await timed('getRun (1010 latest metrics, ~3000 params, 100 tags)', 30, () => store.getRun(runId));
await timed('getMetricHistory (3000 points)', 30, () => store.getMetricHistory(runId, 'm0'));
await timed('getMetricHistoryBulkInterval (3000 points -> 320)', 30, () =>
  store.getMetricHistoryBulkInterval({ runIds: [runId], metricKey: 'm0', maxResults: 320 }),
);
await store.close();
rmSync(dir, { recursive: true, force: true });
