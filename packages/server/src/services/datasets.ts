// Dataset search rules of MLflow's handler: between 1 and 20 experiment ids.
import { validateSearchDatasetsRequest, type DatasetSummary } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';

export class DatasetsService {
  constructor(private readonly store: TrackingStore) {}

  search(experimentIds: string[]): Promise<DatasetSummary[]> {
    validateSearchDatasetsRequest({ experiment_ids: experimentIds });
    return this.store.searchDatasets(experimentIds);
  }
}
