// Dataset RPC handler: the UI's search-datasets.
import type { TrackingHandlers } from './tracking-handlers.js';

export const datasetHandlers: Pick<TrackingHandlers, 'searchDatasets'> = {
  searchDatasets: async (req, { services }) => ({
    dataset_summaries: await services.datasets.search(req.experiment_ids),
  }),
};
