// Query hooks of the run page.
import { useQuery } from '@tanstack/react-query';
import { getChildRuns, getRun, getSparkline } from './run-page-queries.js';
import { runPageKeys } from './query-keys.js';

export function useRunQuery(runId: string) {
  return useQuery({ queryKey: runPageKeys.run(runId), queryFn: ({ signal }) => getRun(runId, signal) });
}

export function useChildRunsQuery(experimentId: string | undefined, runId: string) {
  return useQuery({
    queryKey: runPageKeys.children(experimentId ?? '', runId),
    queryFn: ({ signal }) => getChildRuns(experimentId ?? '', runId, signal),
    enabled: experimentId !== undefined,
  });
}

export function useSparklineQuery(runId: string, metricKey: string) {
  return useQuery({
    queryKey: runPageKeys.sparkline(runId, metricKey),
    queryFn: ({ signal }) => getSparkline(runId, metricKey, signal),
    staleTime: 60_000,
  });
}
