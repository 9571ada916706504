// TanStack Query hook: a metric's envelopes for some runs, polled while any of them is still running.
import { useQuery } from '@tanstack/react-query';
import { rest } from '../../../api/rest.js';
import { RUNNING_POLL_MS } from './chart-runs-query.js';
import { fetchMetricEnvelopes, metricEnvelopeKeys, type StepWindow } from './metric-envelope-query.js';

export function useMetricEnvelopes(
  runIds: readonly string[],
  metricKey: string,
  live: boolean,
  window?: StepWindow,
) {
  return useQuery({
    queryKey: metricEnvelopeKeys.of(runIds, metricKey, window),
    queryFn: ({ signal }) => fetchMetricEnvelopes(rest, runIds, metricKey, window, signal),
    refetchInterval: live ? RUNNING_POLL_MS : false,
    // Zooming swaps the window: keep drawing the previous envelope until the new one is in.
    placeholderData: (previous) => previous,
  });
}
