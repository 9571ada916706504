// Query key and query function of a metric's envelopes (mlflow-ts get-history-envelope) for some runs.
import type { RestClient } from '@mlflow-ts/client';
import { MAX_ENVELOPE_RUNS, metricEnvelopeEndpoints, type MetricEnvelope } from '@mlflow-ts/protocol';

/** Buckets asked for: each draws as ≤ 2 points, so a chart never draws more than 2,000 per run. */
export const CHART_BUCKETS = 1000;

/** A step window to zoom into; absent for the whole history. */
export interface StepWindow {
  start: number;
  end: number;
}

export const metricEnvelopeKeys = {
  all: ['metric-envelope'] as const,
  of: (runIds: readonly string[], metricKey: string, window?: StepWindow) =>
    [...metricEnvelopeKeys.all, { runIds: [...runIds], metricKey, window: window ?? null }] as const,
};

/** The server takes at most MAX_ENVELOPE_RUNS runs a request; more are read in parallel chunks. */
export async function fetchMetricEnvelopes(
  client: RestClient,
  runIds: readonly string[],
  metricKey: string,
  window: StepWindow | undefined,
  signal?: AbortSignal,
): Promise<MetricEnvelope[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < runIds.length; i += MAX_ENVELOPE_RUNS)
    chunks.push(runIds.slice(i, i + MAX_ENVELOPE_RUNS));
  const answers = await Promise.all(
    chunks.map((ids) =>
      client.call(
        metricEnvelopeEndpoints.getMetricHistoryEnvelope,
        {
          run_ids: ids,
          metric_key: metricKey,
          max_buckets: CHART_BUCKETS,
          ...(window ? { start_step: Math.ceil(window.start), end_step: Math.floor(window.end) } : {}),
        },
        { signal },
      ),
    ),
  );
  return answers.flatMap((res) => res.envelopes ?? []);
}
