// TanStack Query hook: the runs of a chart page, each re-read while it is running.
import { useQueries } from '@tanstack/react-query';
import { rest } from '../../../api/rest.js';
import { chartRunKeys, fetchChartRun, isLive, RUNNING_POLL_MS } from './chart-runs-query.js';

export function useChartRuns(runIds: readonly string[]) {
  return useQueries({
    queries: runIds.map((runId) => ({
      queryKey: chartRunKeys.one(runId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchChartRun(rest, runId, signal),
      refetchInterval: (query: { state: { data?: Parameters<typeof isLive>[0] } }) =>
        isLive(query.state.data) ? RUNNING_POLL_MS : false,
    })),
  });
}
