// Retry policy: which failures are retried for which RPC, and the exponential backoff between tries.
import type { EndpointDef } from '@mlflow-ts/protocol';

/**
 * How an RPC may be retried (MLflow's rest_utils makes the same split):
 * - `idempotent`: reads, and writes the server applies as upserts or deduplicates (log-batch,
 *   set-tag, update-run, …). Retried on 408/429/5xx, connection and read errors.
 * - `unprocessed-only`: writes that would happen twice if repeated (create-run, create
 *   experiment, …). Retried only when the request surely did not reach the handler: 408/429
 *   answers and connection failures before anything was sent.
 * - `never`: a single try (streamed uploads whose body cannot be replayed).
 */
export type RetryClass = 'idempotent' | 'unprocessed-only' | 'never';

export interface RetryOptions {
  /** Retries after the first try; MLflow's default (MLFLOW_HTTP_REQUEST_MAX_RETRIES) is 7. */
  readonly maxRetries?: number;
  /** Seconds; the n-th retry waits factor × 2^(n-1), as urllib3 does. MLflow's default is 2. */
  readonly backoffFactor?: number;
  /** Seconds of random jitter added to each wait; MLflow's default is 1. */
  readonly backoffJitter?: number;
  /** Upper bound of one wait, in seconds (urllib3's 120). */
  readonly maxBackoff?: number;
}

export interface ResolvedRetry {
  readonly maxRetries: number;
  readonly backoffFactor: number;
  readonly backoffJitter: number;
  readonly maxBackoff: number;
}

/**
 * Fills the retry options with MLflow's defaults (7 retries, factor 2, jitter 1, cap 120 s).
 *
 * @example
 * resolveRetry({ maxRetries: 2 })
 */
export function resolveRetry(options: RetryOptions = {}): ResolvedRetry {
  return {
    maxRetries: options.maxRetries ?? 7,
    backoffFactor: options.backoffFactor ?? 2,
    backoffJitter: options.backoffJitter ?? 1,
    maxBackoff: options.maxBackoff ?? 120,
  };
}

/**
 * POST RPCs that are safe to send twice: searches, and writes MLflow applies idempotently
 * (rest_utils' _RETRY_SAFE_POST_RESPONSES, by our RPC names).
 */
const SAFE_POSTS = new Set([
  'searchExperiments',
  'searchRuns',
  'searchDatasets',
  'searchLoggedModels',
  'getLatestVersions',
  'deleteRun',
  'restoreRun',
  'logBatch',
  'logMetric',
  'logParam',
  'setTag',
  'updateRun',
  'setExperimentTag',
  'setModelVersionTag',
  'setRegisteredModelAlias',
  'setRegisteredModelTag',
]);

/**
 * The retry class of an endpoint: GETs are idempotent, POSTs only when listed safe.
 *
 * @example
 * retryClassOf(trackingEndpoints.createRun, 'POST') // 'unprocessed-only'
 */
export function retryClassOf(endpoint: EndpointDef, method: string): RetryClass {
  if (method === 'GET') return 'idempotent';
  return SAFE_POSTS.has(endpoint.name) ? 'idempotent' : 'unprocessed-only';
}

const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const UNPROCESSED_STATUSES = new Set([408, 429]);

/**
 * Whether an HTTP status is worth another try for this class.
 *
 * @example
 * retryableStatus('idempotent', 503) // true
 */
export function retryableStatus(cls: RetryClass, status: number): boolean {
  if (cls === 'never') return false;
  return (cls === 'idempotent' ? TRANSIENT_STATUSES : UNPROCESSED_STATUSES).has(status);
}

/** Failures before the request was sent: the connection could not be made at all. */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function causeCode(e: unknown): string | undefined {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (typeof cur === 'object' && cur !== null && !seen.has(cur)) {
    seen.add(cur);
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether a thrown fetch error is worth another try. fetch rejects with a TypeError for network
 * failures (Node puts the socket error in `cause`); an abort or timeout is never retried.
 *
 * @example
 * retryableError('unprocessed-only', fetchError) // true only when the connection was refused
 */
export function retryableError(cls: RetryClass, e: unknown): boolean {
  if (cls === 'never') return false;
  if (!(e instanceof TypeError)) return false;
  const code = causeCode(e);
  // fetch also throws TypeError for mistakes (a malformed URL): only network failures qualify.
  const network =
    code !== undefined || /fetch failed|failed to fetch|networkerror|load failed/i.test(e.message);
  if (!network) return false;
  if (cls === 'idempotent') return true;
  return code !== undefined && CONNECT_CODES.has(code);
}

/**
 * Milliseconds to wait before retry number `attempt` (1-based); a Retry-After header wins.
 *
 * @example
 * await sleep(backoffMs(retry, attempt, res.headers.get('Retry-After')));
 */
export function backoffMs(retry: ResolvedRetry, attempt: number, retryAfter: string | null): number {
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, retry.maxBackoff) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.min(Math.max(0, at - Date.now()), retry.maxBackoff * 1000);
  }
  const base = Math.min(retry.backoffFactor * 2 ** (attempt - 1), retry.maxBackoff);
  return (base + Math.random() * retry.backoffJitter) * 1000;
}
