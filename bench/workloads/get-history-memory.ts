// W5: get-history of one long metric in a single request → time and peak RSS growth of the server's process tree.
import { samplePeakRss, treeRssKb } from '../process-rss.js';
import type { Workload } from '../workload.js';

export const getHistoryMemory: Workload = {
  id: 5,
  title: 'get-history of a long metric (whole, one request)',
  shape: (size) => `metric of ${size.historyPoints} points, 1 client, RSS sampled every 25 ms`,
  measures: [
    { key: 'ms', label: 'time', unit: 'ms', better: 'lower' },
    { key: 'rssGrowthMiB', label: 'peak RSS growth', unit: 'MiB', better: 'lower', floor: 1 },
  ],
  run: async ({ server, seed, size }) => {
    const query = new URLSearchParams({ run_id: seed.historyRunId, metric_key: seed.historyKey });
    const baseline = treeRssKb(server.pid);
    const sampler = samplePeakRss(server.pid);
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}/api/2.0/mlflow/metrics/get-history?${query.toString()}`);
    const text = await res.text();
    const ms = performance.now() - started;
    const peak = sampler.stop();
    if (!res.ok) throw new Error(`get-history → ${res.status}: ${text.slice(0, 300)}`);
    const points = (JSON.parse(text) as { metrics?: unknown[] }).metrics?.length ?? 0;
    if (points !== size.historyPoints)
      throw new Error(`get-history returned ${points} points, not ${size.historyPoints}`);
    return { ms, rssGrowthMiB: Math.max(0, peak - baseline) / 1024 };
  },
};
