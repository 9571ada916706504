// Metric history request checks: get-history paging, bulk-interval steps, the UI's get-history-bulk.
import { handlerCrash } from '../codec/internal-error.js';
import { pyInt } from '../codec/python-values.js';
import { invalidParameter } from './messages.js';

/** get-history: an explicit max_results must be positive (absent means no paging). */
export function validateMetricHistoryMaxResults(maxResults: number | undefined): void {
  if (maxResults !== undefined && maxResults <= 0) {
    throw invalidParameter(
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be a positive integer.`,
    );
  }
}

export interface BulkIntervalQuery {
  readonly run_ids: readonly string[];
  readonly metric_key: string;
  readonly max_results: number;
  readonly start_step?: number;
  readonly end_step?: number;
}

/**
 * get-history-bulk-interval after decoding (which already applied the run-id count and the
 * 1–2500 range): both steps or neither, start ≤ end; max_results defaults to 2500.
 */
export function validateBulkIntervalRequest(req: {
  run_ids: readonly string[];
  metric_key: string;
  start_step?: number;
  end_step?: number;
  max_results?: number;
}): BulkIntervalQuery {
  const { start_step: start, end_step: end } = req;
  if (start !== undefined && end !== undefined) {
    if (start > end) {
      throw invalidParameter(
        `end_step must be greater than start_step. Found start_step=${start} and end_step=${end}.`,
      );
    }
  } else if (start !== undefined || end !== undefined) {
    throw invalidParameter('If either start step or end step are specified, both must be specified.');
  }
  return { ...req, max_results: req.max_results ?? 2500 };
}

export const MAX_HISTORY_BULK_RESULTS = 25000;
export const MAX_HISTORY_BULK_RUN_IDS = 100;

/**
 * The UI's get-history-bulk (query args as text): 1–100 run ids, a metric_key (may be ''),
 * max_results an integer, capped at 25000. A non-integer max_results crashes MLflow's handler (500).
 */
export function validateHistoryBulkRequest(req: {
  run_id: readonly string[];
  metric_key?: string;
  max_results?: string;
}): { run_ids: readonly string[]; metric_key: string; max_results: number } {
  if (req.run_id.length === 0) {
    throw invalidParameter('GetMetricHistoryBulk request must specify at least one run_id.');
  }
  if (req.run_id.length > MAX_HISTORY_BULK_RUN_IDS) {
    throw invalidParameter(
      `GetMetricHistoryBulk request cannot specify more than ${MAX_HISTORY_BULK_RUN_IDS} run_ids. Received ${req.run_id.length} run_ids.`,
    );
  }
  if (req.metric_key === undefined) {
    throw invalidParameter('GetMetricHistoryBulk request must specify a metric_key.');
  }
  let maxResults = MAX_HISTORY_BULK_RESULTS;
  if (req.max_results !== undefined) {
    const r = pyInt(req.max_results);
    if (!r.ok) throw handlerCrash(`max_results ${JSON.stringify(req.max_results)} is not an integer`);
    maxResults = Math.min(r.value, MAX_HISTORY_BULK_RESULTS);
  }
  return { run_ids: req.run_id, metric_key: req.metric_key, max_results: maxResults };
}
