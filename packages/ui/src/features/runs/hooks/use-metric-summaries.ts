// min/max metric values for the rows on screen: one request per (metric, block of 100 rows), cached.
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RunRow } from '../lib/run-row.js';
import { runKeys } from './query-keys.js';
import { metricSummaries, type MetricSummary } from './run-queries.js';

/** The envelope extension takes at most 100 runs per call. */
export const SUMMARY_BLOCK = 100;

/**
 * Summaries for the metrics shown as min/max columns, for the blocks of rows between `firstRow`
 * and `lastRow` only, so 10,000 runs never mean 10,000 history reads.
 */
export function useMetricSummaries(
  rows: readonly RunRow[],
  metricKeys: readonly string[],
  firstRow: number,
  lastRow: number,
): ReadonlyMap<string, ReadonlyMap<string, MetricSummary>> {
  const blocks: string[][] = [];
  if (metricKeys.length > 0 && rows.length > 0) {
    const from = Math.floor(Math.max(firstRow, 0) / SUMMARY_BLOCK);
    const to = Math.floor(Math.min(lastRow, rows.length - 1) / SUMMARY_BLOCK);
    for (let b = from; b <= to; b++) {
      blocks.push(rows.slice(b * SUMMARY_BLOCK, (b + 1) * SUMMARY_BLOCK).map((r) => r.runId));
    }
  }
  const specs = metricKeys.flatMap((key) => blocks.map((ids) => ({ key, ids })));
  const results = useQueries({
    queries: specs.map(({ key, ids }) => ({
      queryKey: runKeys.metricSummary(key, ids),
      queryFn: ({ signal }: { signal: AbortSignal }) => metricSummaries(key, ids, signal),
      staleTime: 60_000,
    })),
  });
  const stamp = results.map((r) => r.dataUpdatedAt).join(',');
  return useMemo(() => {
    const byKey = new Map<string, Map<string, MetricSummary>>();
    specs.forEach((spec, i) => {
      const data = results[i]?.data;
      if (!data) return;
      let m = byKey.get(spec.key);
      if (!m) byKey.set(spec.key, (m = new Map()));
      for (const [runId, s] of data) m.set(runId, s);
    });
    return byKey;
    // `results` is a new array every render; the data stamps say when anything really changed.
  }, [stamp, metricKeys.join('\u0000')]);
}
