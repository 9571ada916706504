// Query functions of the run page, through the typed client.
import { metricEnvelopeEndpoints, trackingEndpoints, type Run, type RunInfo } from '@mlflow-ts/protocol';
import { rest } from '../../../api/rest.js';

export async function getRun(runId: string, signal?: AbortSignal): Promise<Run> {
  const res = await rest.call(trackingEndpoints.getRun, { run_id: runId }, { signal });
  return res.run;
}

/** Child runs carry their parent's id in the mlflow.parentRunId tag (as MLflow's fluent API writes it). */
export async function getChildRuns(
  experimentId: string,
  runId: string,
  signal?: AbortSignal,
): Promise<RunInfo[]> {
  const res = await rest.call(
    trackingEndpoints.searchRuns,
    {
      experiment_ids: [experimentId],
      filter: `tags.\`mlflow.parentRunId\` = '${runId}'`,
      max_results: 100,
      order_by: ['attributes.start_time DESC'],
    },
    { signal },
  );
  return (res.runs ?? []).map((r) => r.info);
}

export const SPARKLINE_BUCKETS = 48;

/** A metric's shape in ≤ 48 points: each bucket's last value, from the envelope extension. */
export async function getSparkline(
  runId: string,
  metricKey: string,
  signal?: AbortSignal,
): Promise<number[]> {
  const res = await rest.call(
    metricEnvelopeEndpoints.getMetricHistoryEnvelope,
    { run_ids: [runId], metric_key: metricKey, max_buckets: SPARKLINE_BUCKETS },
    { signal },
  );
  return (res.envelopes?.[0]?.buckets ?? []).map((b) => b.last_value);
}
