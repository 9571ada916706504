// W1: log-batch of 1000 metrics (10 keys × 100 steps) into fresh runs by 8 concurrent clients → metric rows/s.
import { JSON_HEADERS, assertAllOk, runLoad } from '../load.js';
import { createRun, mapLimit } from '../rest.js';
import type { Workload, WorkloadContext } from '../workload.js';

const KEYS = 10;
const STEPS = 100;
const CLIENTS = 8;

/**
 * Two timestamp shapes, each measured. "own": every run logs in its own time span (t0 + run × 100 + step), as
 * runs training at different moments do. "shared": every run carries the same t0 + step, the worst case for
 * MLflow's metrics primary key, which starts with (key, timestamp, step): each batch then lands one row in each
 * of ~1000 groups spread over the whole index, so SQLite's cost per batch grows with the table
 * (bench/sqlite-floor.ts, variant `owntime`, shows the difference without HTTP).
 */
type TimestampShape = 'own' | 'shared';

function batchBody(runId: string, t0: number): string {
  const metrics = [];
  for (let k = 0; k < KEYS; k++) {
    for (let s = 0; s < STEPS; s++)
      metrics.push({ key: `metric_${k}`, value: Math.random(), timestamp: t0 + s, step: s });
  }
  return JSON.stringify({ run_id: runId, metrics });
}

async function rowsPerSecond(
  server: WorkloadContext['server'],
  experimentId: string,
  requests: number,
  shape: TimestampShape,
): Promise<number> {
  // Runs are created beforehand (untimed); a few spare ones because autocannon builds a body ahead per client.
  const runIds = await mapLimit(Array.from({ length: requests + CLIENTS * 2 }), CLIENTS, () =>
    createRun(server.baseUrl, experimentId),
  );
  // Bodies are built ahead too, so the client's JSON work is not timed.
  const t0 = Date.now();
  const bodies = runIds.map((id, i) => batchBody(id, shape === 'own' ? t0 + i * STEPS : t0));
  let next = 0;
  const result = await runLoad({
    baseUrl: server.baseUrl,
    connections: CLIENTS,
    amount: requests,
    requests: [
      {
        method: 'POST',
        path: '/api/2.0/mlflow/runs/log-batch',
        headers: JSON_HEADERS,
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  assertAllOk(result, `log-batch (${shape} timestamps)`);
  return (result.ok * KEYS * STEPS) / (result.wallMs / 1000);
}

export const logBatchMetrics: Workload = {
  id: 1,
  title: 'log-batch 1000 metrics into fresh runs',
  shape: (size) =>
    `${size.logBatchRequests} batches of ${KEYS} keys × ${STEPS} steps, ${CLIENTS} clients, ` +
    'each run in its own time span, then again with every run on the same timestamps',
  measures: [
    { key: 'rowsPerSec', label: 'metric rows/s, own timestamps', unit: 'rows/s', better: 'higher' },
    { key: 'rowsPerSecShared', label: 'metric rows/s, shared timestamps', unit: 'rows/s', better: 'higher' },
  ],
  run: async ({ server, seed, size }) => ({
    rowsPerSec: await rowsPerSecond(server, seed.writeExperimentId, size.logBatchRequests, 'own'),
    rowsPerSecShared: await rowsPerSecond(server, seed.writeExperimentId, size.logBatchRequests, 'shared'),
  }),
};
