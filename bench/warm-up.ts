// Untimed warm-up of a fresh server: every endpoint the workloads use, with enough concurrency to reach all of
// MLflow's uvicorn workers, so the first timed repetition does not pay for Python's lazy imports.
import { createRun, getJson, mapLimit, postJson } from './rest.js';
import type { SeedInfo } from './seed-rows.js';
import type { RunningServer } from './server-process.js';

export async function warmUp(server: RunningServer, seed: SeedInfo): Promise<void> {
  await mapLimit(Array.from({ length: 16 }), 8, async () => {
    const runId = await createRun(server.baseUrl, seed.writeExperimentId);
    const metrics = [{ key: 'warm', value: 1, timestamp: Date.now(), step: 0 }];
    await postJson(server.baseUrl, 'runs/log-batch', {
      run_id: runId,
      metrics,
      params: [{ key: 'p', value: 'v' }],
    });
    await postJson(server.baseUrl, 'runs/search', {
      experiment_ids: [seed.searchExperimentId],
      max_results: 10,
    });
    await getJson(server.baseUrl, 'metrics/get-history', { run_id: runId, metric_key: 'warm' });
    await getJson(server.baseUrl, 'metrics/get-history-bulk-interval', {
      run_ids: runId,
      metric_key: 'warm',
      max_results: '320',
    });
  });
}
