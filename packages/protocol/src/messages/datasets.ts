// search-datasets messages: the dataset summaries of experiments (used by the UI).
import { Type, type Static } from '@sinclair/typebox';
import { DatasetSummary } from '../entities.js';

/** MLflow's handler gives no schema here; validateSearchDatasetsRequest has its count checks. */
export const SearchDatasetsRequest = Type.Object({ experiment_ids: Type.Array(Type.String()) });
export type SearchDatasetsRequest = Static<typeof SearchDatasetsRequest>;
export const SearchDatasetsResponse = Type.Object({
  dataset_summaries: Type.Optional(Type.Array(DatasetSummary)),
});
export type SearchDatasetsResponse = Static<typeof SearchDatasetsResponse>;
