// Reads MLflow's tracking environment variables (MLFLOW_TRACKING_URI, _USERNAME, _PASSWORD, _TOKEN) into client options.
import type { MlflowClientOptions } from '../mlflow-client/index.js';

/**
 * Checks a tracking URI: only http(s) servers are reachable from this SDK (MLflow's file and
 * database stores are the server's business). Trailing slashes are dropped.
 *
 * @example
 * checkTrackingUri('http://localhost:5000/') // 'http://localhost:5000'
 */
export function checkTrackingUri(uri: string): string {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    throw new Error(
      `Invalid tracking URI '${uri}': expected an http:// or https:// URL of an MLflow tracking server`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(
      `Unsupported tracking URI '${uri}': the TypeScript SDK talks to a tracking server over http:// or https://`,
    );
  }
  return uri.replace(/\/+$/, '');
}

/**
 * Client options from the environment; `trackingUri` wins over MLFLOW_TRACKING_URI. Throws when
 * neither gives a URI (there is no local store to fall back to, unlike Python's ./mlruns).
 *
 * @example
 * const options = clientOptionsFromEnv(process.env);
 */
export function clientOptionsFromEnv(env: NodeJS.ProcessEnv, trackingUri?: string): MlflowClientOptions {
  const uri = trackingUri ?? env.MLFLOW_TRACKING_URI;
  if (uri === undefined || uri === '') {
    throw new Error('No tracking URI: set MLFLOW_TRACKING_URI (an http:// or https:// server) or pass one');
  }
  const empty = (v: string | undefined) => (v === '' ? undefined : v);
  return {
    trackingUri: checkTrackingUri(uri),
    username: empty(env.MLFLOW_TRACKING_USERNAME),
    password: empty(env.MLFLOW_TRACKING_PASSWORD),
    token: empty(env.MLFLOW_TRACKING_TOKEN),
    retry: {
      maxRetries: intOr(env.MLFLOW_HTTP_REQUEST_MAX_RETRIES),
      backoffFactor: numberOr(env.MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR),
      backoffJitter: numberOr(env.MLFLOW_HTTP_REQUEST_BACKOFF_JITTER),
    },
    timeoutMs: secondsToMs(env.MLFLOW_HTTP_REQUEST_TIMEOUT),
  };
}

function numberOr(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function intOr(v: string | undefined): number | undefined {
  const n = numberOr(v);
  return n === undefined ? undefined : Math.floor(n);
}

function secondsToMs(v: string | undefined): number | undefined {
  const n = numberOr(v);
  return n === undefined ? undefined : n * 1000;
}
