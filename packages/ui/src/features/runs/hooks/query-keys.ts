// Typed query keys of the runs feature; everything under ['runs'] is refreshed after a run changes.
import type { ViewType } from '@mlflow-ts/protocol';

export interface RunSearchParams {
  readonly experimentId: string;
  readonly filter: string;
  readonly orderBy: readonly string[];
  readonly view: ViewType;
}

export const runKeys = {
  all: ['runs'] as const,
  searches: () => [...runKeys.all, 'search'] as const,
  search: (params: RunSearchParams) => [...runKeys.searches(), params] as const,
  /** min/max of one metric for one block of runs (the rows of one table block). */
  metricSummary: (metricKey: string, runIds: readonly string[]) =>
    [...runKeys.all, 'metric-summary', metricKey, runIds] as const,
};
