// The one RestClient the UI talks through: same origin, MLflow's /ajax-api routes, under the static prefix.
import { RestClient } from '@mlflow-ts/client';
import { staticPrefix } from './static-prefix.js';

export const prefix = staticPrefix();

/** No retry loop in the client: TanStack Query decides about retries, so errors surface quickly. */
export const rest = new RestClient({
  trackingUri: prefix,
  apiPrefix: 'ajax-api',
  retry: { maxRetries: 0 },
  timeoutMs: 60_000,
});

/** URL of a run artifact as MLflow's UI fetches it (GET /get-artifact, under the prefix). */
export function artifactUrl(runId: string, path: string): string {
  const query = new URLSearchParams({ path, run_uuid: runId });
  return `${prefix}/get-artifact?${query.toString()}`;
}
