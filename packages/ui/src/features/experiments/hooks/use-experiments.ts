// Query hooks of the experiments feature: the paged list and one experiment.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getExperiment, searchExperiments } from './experiment-queries.js';
import { experimentKeys, type ExperimentListParams } from './query-keys.js';

export function useExperimentsQuery(params: ExperimentListParams) {
  return useInfiniteQuery({
    queryKey: experimentKeys.list(params),
    queryFn: ({ pageParam, signal }) => searchExperiments(params, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
    // Typing in the search box keeps the old rows on screen until the new ones arrive (no jump).
    placeholderData: keepPreviousData,
  });
}

export function useExperimentQuery(experimentId: string | undefined) {
  return useQuery({
    queryKey: experimentKeys.detail(experimentId ?? ''),
    queryFn: ({ signal }) => getExperiment(experimentId ?? '', signal),
    enabled: experimentId !== undefined,
  });
}
