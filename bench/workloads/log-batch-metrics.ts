// W1: log-batch of 1000 metrics (10 keys × 100 steps) into fresh runs by 8 concurrent clients → metric rows/s.
import { JSON_HEADERS, assertAllOk, runLoad } from '../load.js';
import { createRun, mapLimit } from '../rest.js';
import type { Workload } from '../workload.js';

const KEYS = 10;
const STEPS = 100;
const CLIENTS = 8;

function batchBody(runId: string, t0: number): string {
  const metrics = [];
  for (let k = 0; k < KEYS; k++) {
    for (let s = 0; s < STEPS; s++)
      metrics.push({ key: `metric_${k}`, value: Math.random(), timestamp: t0 + s, step: s });
  }
  return JSON.stringify({ run_id: runId, metrics });
}

export const logBatchMetrics: Workload = {
  id: 1,
  title: 'log-batch 1000 metrics into fresh runs',
  shape: (size) => `${size.logBatchRequests} batches of ${KEYS} keys × ${STEPS} steps, ${CLIENTS} clients`,
  measures: [{ key: 'rowsPerSec', label: 'metric rows/s', unit: 'rows/s', better: 'higher' }],
  run: async ({ server, seed, size }) => {
    // Runs are created beforehand (untimed); a few spare ones because autocannon builds a body ahead per client.
    const runIds = await mapLimit(Array.from({ length: size.logBatchRequests + CLIENTS * 2 }), CLIENTS, () =>
      createRun(server.baseUrl, seed.writeExperimentId),
    );
    // Bodies are built ahead too, so the client's JSON work is not timed.
    const t0 = Date.now();
    const bodies = runIds.map((id) => batchBody(id, t0));
    let next = 0;
    const result = await runLoad({
      baseUrl: server.baseUrl,
      connections: CLIENTS,
      amount: size.logBatchRequests,
      requests: [
        {
          method: 'POST',
          path: '/api/2.0/mlflow/runs/log-batch',
          headers: JSON_HEADERS,
          setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        },
      ],
    });
    assertAllOk(result, 'log-batch');
    return { rowsPerSec: (result.ok * KEYS * STEPS) / (result.wallMs / 1000) };
  },
};
