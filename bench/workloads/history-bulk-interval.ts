// W4: get-history-bulk-interval (max_results 320) over one long metric → latency p50/p95.
import { assertAllOk, runLoad } from '../load.js';
import { getJson } from '../rest.js';
import { percentile } from '../stats.js';
import type { Workload } from '../workload.js';

const MAX_RESULTS = 320;

export const historyBulkInterval: Workload = {
  id: 4,
  title: 'get-history-bulk-interval (max_results 320)',
  shape: (size) =>
    `metric of ${size.bulkIntervalSteps} steps, ${size.bulkIntervalRequests} requests, 1 client`,
  measures: [
    { key: 'p50', label: 'latency p50', unit: 'ms', better: 'lower' },
    { key: 'p95', label: 'latency p95', unit: 'ms', better: 'lower' },
  ],
  run: async ({ server, seed, size }) => {
    const query = { run_ids: seed.historyRunId, metric_key: seed.bulkKey, max_results: String(MAX_RESULTS) };
    const warm = await getJson<{ metrics?: unknown[] }>(
      server.baseUrl,
      'metrics/get-history-bulk-interval',
      query,
    );
    const expected = Math.min(MAX_RESULTS, size.bulkIntervalSteps);
    if ((warm.metrics?.length ?? 0) < expected) {
      throw new Error(
        `get-history-bulk-interval returned ${warm.metrics?.length ?? 0} points, expected ${expected}`,
      );
    }
    const result = await runLoad({
      baseUrl: server.baseUrl,
      connections: 1,
      amount: size.bulkIntervalRequests,
      requests: [
        {
          method: 'GET',
          path: `/api/2.0/mlflow/metrics/get-history-bulk-interval?${new URLSearchParams(query).toString()}`,
        },
      ],
    });
    assertAllOk(result, 'get-history-bulk-interval');
    return { p50: percentile(result.latenciesMs, 50), p95: percentile(result.latenciesMs, 95) };
  },
};
