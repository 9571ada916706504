// The store-side max_results check of MLflow's searches (positive, at most 50000).
import { MlflowError } from '@mlflow-ts/protocol';

export const SEARCH_MAX_RESULTS_THRESHOLD = 50_000;

export function validateMaxResults(maxResults: number): void {
  if (!(maxResults >= 1)) {
    throw MlflowError.invalidParameter(
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be a positive integer`,
    );
  }
  if (maxResults > SEARCH_MAX_RESULTS_THRESHOLD) {
    throw MlflowError.invalidParameter(
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most ${SEARCH_MAX_RESULTS_THRESHOLD}`,
    );
  }
}
