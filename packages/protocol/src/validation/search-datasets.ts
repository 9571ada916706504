// search-datasets request checks: one to twenty experiment ids.
import { invalidParameter } from './messages.js';

export const MAX_EXPERIMENT_IDS_PER_SEARCH_DATASETS = 20;

export function validateSearchDatasetsRequest(req: { experiment_ids: readonly string[] }): void {
  const n = req.experiment_ids.length;
  if (n === 0) throw invalidParameter('SearchDatasets request must specify at least one experiment_id.');
  if (n > MAX_EXPERIMENT_IDS_PER_SEARCH_DATASETS) {
    throw invalidParameter(
      `SearchDatasets request cannot specify more than ${MAX_EXPERIMENT_IDS_PER_SEARCH_DATASETS} experiment_ids. Received ${n} experiment_ids.`,
    );
  }
}
