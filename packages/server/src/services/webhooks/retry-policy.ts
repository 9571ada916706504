// When and how long to wait before retrying a webhook POST: MLflow's urllib3 Retry settings for its webhook session.

/** Statuses retried (status_forcelist); the last response is returned when retries run out. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
/** Statuses whose Retry-After header replaces the backoff (urllib3's RETRY_AFTER_STATUS_CODES). */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([413, 429, 503]);
const BACKOFF_FACTOR_S = 1;
const BACKOFF_JITTER_S = 1;
const BACKOFF_MAX_S = 60;

/**
 * Seconds to sleep after `failures` consecutive failed attempts: none after the first, then
 * 2, 4, 8… plus up to one second of jitter, at most 60 (urllib3 2.x get_backoff_time).
 */
export function backoffSeconds(failures: number, random: () => number = Math.random): number {
  if (failures <= 1) return 0;
  const value = BACKOFF_FACTOR_S * 2 ** (failures - 1) + random() * BACKOFF_JITTER_S;
  return Math.max(0, Math.min(BACKOFF_MAX_S, value));
}

/** Seconds from a Retry-After header (delta seconds or an HTTP date), or null when absent/unreadable. */
export function retryAfterSeconds(status: number, header: string | string[] | undefined): number | null {
  if (!RETRY_AFTER_STATUSES.has(status) || typeof header !== 'string') return null;
  if (/^\s*[0-9]+\s*$/.test(header)) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}
