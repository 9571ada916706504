// Workload sizes per --size: smoke (seconds, for the test), default (a few minutes), scale (the numbers).

export type SizeName = 'smoke' | 'default' | 'scale';

export interface Size {
  /** W1: log-batch requests (each 10 keys × 100 steps into a fresh run). */
  logBatchRequests: number;
  /** W2: requests (create-run and log-batch of 10 params alternate). */
  createRunRequests: number;
  /** W3: runs in the searched experiment (each 20 metrics, 20 params, 10 tags). */
  searchRuns: number;
  /** W3: timed search requests per server and repetition. */
  searchRequests: number;
  /** W4: steps of the metric read by get-history-bulk-interval. */
  bulkIntervalSteps: number;
  /** W4: timed requests per server and repetition. */
  bulkIntervalRequests: number;
  /** W5: points of the metric read whole by get-history. */
  historyPoints: number;
  /** W6: bytes of the uploaded and downloaded artifact. */
  artifactBytes: number;
  /** W8: iterations of FastTrackML's logging script (10 requests each). */
  fasttrackIterations: number;
  /** W8: timed retrieval requests (search-runs, search-experiments, get-history in turn). */
  fasttrackRetrievals: number;
}

const MiB = 1024 * 1024;

export const SIZES: Record<SizeName, Size> = {
  smoke: {
    logBatchRequests: 8,
    createRunRequests: 40,
    searchRuns: 300,
    searchRequests: 3,
    bulkIntervalSteps: 2_000,
    bulkIntervalRequests: 3,
    historyPoints: 2_000,
    artifactBytes: 4 * MiB,
    fasttrackIterations: 3,
    fasttrackRetrievals: 9,
  },
  default: {
    // 256, not fewer: at 64 our side took ~0.4 s, so the ramp-up of 8 clients and the last group's
    // tail weighed on the rate as much as the writing did.
    logBatchRequests: 256,
    createRunRequests: 600,
    searchRuns: 10_000,
    searchRequests: 10,
    bulkIntervalSteps: 100_000,
    bulkIntervalRequests: 20,
    historyPoints: 200_000,
    artifactBytes: 128 * MiB,
    fasttrackIterations: 200,
    fasttrackRetrievals: 600,
  },
  scale: {
    logBatchRequests: 1_000,
    createRunRequests: 5_000,
    searchRuns: 100_000,
    searchRequests: 30,
    bulkIntervalSteps: 1_000_000,
    bulkIntervalRequests: 30,
    historyPoints: 1_000_000,
    artifactBytes: 1024 * MiB,
    fasttrackIterations: 1_000,
    fasttrackRetrievals: 3_000,
  },
};
