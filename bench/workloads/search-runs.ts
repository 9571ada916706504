// W3: search-runs, page of 1000, filtered on a metric and a tag, ordered by a metric, over the seeded experiment.
import { JSON_HEADERS, assertAllOk, runLoad } from '../load.js';
import { postJson } from '../rest.js';
import { SEARCH_METRICS, SEARCH_PARAMS, SEARCH_TAGS } from '../seed-rows.js';
import { percentile } from '../stats.js';
import type { Workload } from '../workload.js';

const FILTER = "metrics.m0 > 0.5 and tags.t0 = 'even'";
const ORDER_BY = ['metrics.m1 DESC'];
const PAGE = 1000;

export const searchRuns: Workload = {
  id: 3,
  title: 'search-runs (metric + tag filter, metric order, page 1000)',
  shape: (size) =>
    `${size.searchRuns} runs × ${SEARCH_METRICS} metrics × ${SEARCH_PARAMS} params × ${SEARCH_TAGS} tags, ` +
    `${size.searchRequests} requests, 1 client`,
  measures: [
    { key: 'p50', label: 'latency p50', unit: 'ms', better: 'lower' },
    { key: 'p95', label: 'latency p95', unit: 'ms', better: 'lower' },
  ],
  run: async ({ server, seed, size }) => {
    const query = {
      experiment_ids: [seed.searchExperimentId],
      filter: FILTER,
      order_by: ORDER_BY,
      max_results: PAGE,
    };
    // One untimed request: warms caches and checks the answer is a real page.
    const warm = await postJson<{ runs?: unknown[] }>(server.baseUrl, 'runs/search', query);
    const expected = Math.min(PAGE, Math.floor(seed.searchRuns / 8));
    if ((warm.runs?.length ?? 0) < expected) {
      throw new Error(`search-runs returned ${warm.runs?.length ?? 0} runs, expected at least ${expected}`);
    }
    const result = await runLoad({
      baseUrl: server.baseUrl,
      connections: 1,
      amount: size.searchRequests,
      requests: [
        {
          method: 'POST',
          path: '/api/2.0/mlflow/runs/search',
          headers: JSON_HEADERS,
          body: JSON.stringify(query),
        },
      ],
    });
    assertAllOk(result, 'search-runs');
    return { p50: percentile(result.latenciesMs, 50), p95: percentile(result.latenciesMs, 95) };
  },
};
