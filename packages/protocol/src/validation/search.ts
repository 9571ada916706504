// max_results limits of run and experiment search (handler and SQL store checks).
import { pyTypeName } from '../codec/python-values.js';
import { API_DOCS_HINT, invalidParameter, invalidValueMessage } from './messages.js';

export const SEARCH_MAX_RESULTS_DEFAULT = 1000;
export const SEARCH_MAX_RESULTS_THRESHOLD = 50000;

/**
 * The SQL store's _validate_max_results_param: positive and at most 50000; `allowNull` lets an
 * absent value through (search-runs).
 */
export function validateSearchMaxResults(maxResults: number | null | undefined, allowNull = false): void {
  if ((maxResults === null || maxResults === undefined) && !allowNull) {
    throw invalidParameter(
      "Invalid value None for parameter 'max_results' supplied. It must be a positive integer",
    );
  }
  if (maxResults === null || maxResults === undefined) return;
  if (maxResults < 1) {
    throw invalidParameter(
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be a positive integer`,
    );
  }
  if (maxResults > SEARCH_MAX_RESULTS_THRESHOLD) {
    throw invalidParameter(
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most ${SEARCH_MAX_RESULTS_THRESHOLD}`,
    );
  }
}

/**
 * search-runs: the handler's cap (> 50000 → "Invalid value 123456789 for parameter 'max_results'
 * supplied:  Hint: …", also applied by decodeRequest on the raw value) then the store's check.
 */
export function validateSearchRunsMaxResults(maxResults: number): void {
  if (maxResults > SEARCH_MAX_RESULTS_THRESHOLD) {
    throw invalidParameter(
      invalidValueMessage(
        'max_results',
        maxResults,
        ` Hint: Value was of type '${pyTypeName(maxResults)}'.`,
      ) + API_DOCS_HINT,
    );
  }
  validateSearchMaxResults(maxResults, true);
}

/** search-experiments: the store's check; an absent max_results reads 0 and is refused. */
export function validateSearchExperimentsMaxResults(maxResults: number): void {
  validateSearchMaxResults(maxResults, false);
}
