// Query key and query function of the runs a chart page shows (their names, status and metric keys).
import type { RestClient } from '@mlflow-ts/client';
import { trackingEndpoints, type Run } from '@mlflow-ts/protocol';

export const chartRunKeys = {
  all: ['chart-run'] as const,
  one: (runId: string) => [...chartRunKeys.all, runId] as const,
};

export async function fetchChartRun(client: RestClient, runId: string, signal?: AbortSignal): Promise<Run> {
  return (await client.call(trackingEndpoints.getRun, { run_id: runId }, { signal })).run;
}

/** Runs still logging are re-read every few seconds; finished ones never. */
export { RUNNING_POLL_MS } from '../lib/poll-interval.js';

export function isLive(run: Run | undefined): boolean {
  return run?.info.status === 'RUNNING' || run?.info.status === 'SCHEDULED';
}
