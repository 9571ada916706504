// How often a chart of a running run re-reads its envelopes.

/** The usual pause between two reads of a running run. */
export const RUNNING_POLL_MS = 5000;

/**
 * A poll never comes sooner than four times the last answer took: a million-point history can
 * take a second or more to aggregate, and a chart must not keep the server busy on its own.
 */
export function pollInterval(lastFetchMs: number): number {
  return Math.max(RUNNING_POLL_MS, 4 * lastFetchMs);
}
