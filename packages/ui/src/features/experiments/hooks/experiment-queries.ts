// Query functions of the experiments feature: plain async calls through the typed client.
import { trackingEndpoints, type Experiment } from '@mlflow-ts/protocol';
import { rest } from '../../../api/rest.js';
import type { ExperimentListParams } from './query-keys.js';

export const EXPERIMENTS_PAGE_SIZE = 200;

/** A name search as MLflow's filter syntax; the quote that the text does not contain delimits it. */
export function nameFilter(search: string): string {
  const text = search.trim();
  if (text === '') return '';
  const quote = text.includes("'") ? '"' : "'";
  return `name ILIKE ${quote}%${text.replaceAll(quote, '')}%${quote}`;
}

export interface ExperimentsPage {
  readonly experiments: Experiment[];
  readonly nextPageToken: string | undefined;
}

export async function searchExperiments(
  params: ExperimentListParams,
  pageToken: string | undefined,
  signal?: AbortSignal,
): Promise<ExperimentsPage> {
  const res = await rest.call(
    trackingEndpoints.searchExperiments,
    {
      filter: nameFilter(params.search),
      view_type: params.view,
      max_results: EXPERIMENTS_PAGE_SIZE,
      order_by: ['last_update_time DESC'],
      ...(pageToken ? { page_token: pageToken } : {}),
    },
    { signal },
  );
  return { experiments: res.experiments ?? [], nextPageToken: res.next_page_token || undefined };
}

export async function getExperiment(experimentId: string, signal?: AbortSignal): Promise<Experiment> {
  const res = await rest.call(trackingEndpoints.getExperiment, { experiment_id: experimentId }, { signal });
  return res.experiment;
}
