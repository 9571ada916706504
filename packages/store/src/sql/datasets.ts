// search-datasets: the distinct (experiment, name, digest, context) summaries of datasets used by runs.
import type { DatasetSummary } from '@mlflow-ts/protocol';
import { parseStorableExperimentIds } from '../util/experiment-id.js';
import type { StoreContext } from './context.js';

/** MLflow caps the summaries at 1000. */
const MAX_DATASET_SUMMARIES = 1000;

/** The input tag holding a dataset's role in a run (training, eval, …). */
export const DATASET_CONTEXT_TAG = 'mlflow.data.context';

export async function searchDatasets(ctx: StoreContext, experimentIds: string[]): Promise<DatasetSummary[]> {
  const ids = parseStorableExperimentIds(experimentIds);
  if (ids.length === 0) return [];
  // Left join: an input without a context tag still yields a summary, with no context.
  const rows = await ctx.db
    .selectFrom('datasets')
    .innerJoin('inputs', 'inputs.source_id', 'datasets.dataset_uuid')
    .leftJoin('input_tags', (join) =>
      join
        .onRef('input_tags.input_uuid', '=', 'inputs.input_uuid')
        .on('input_tags.name', '=', DATASET_CONTEXT_TAG),
    )
    .select(['datasets.experiment_id', 'datasets.name', 'datasets.digest', 'input_tags.value as context'])
    .distinct()
    .where('datasets.experiment_id', 'in', ids)
    .limit(MAX_DATASET_SUMMARIES)
    .execute();
  return rows.map((r) => {
    const summary: DatasetSummary = {
      experiment_id: String(r.experiment_id),
      name: r.name,
      digest: r.digest,
    };
    if (r.context !== null) summary.context = r.context;
    return summary;
  });
}
