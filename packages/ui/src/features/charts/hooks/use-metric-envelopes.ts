// TanStack Query hook: a metric's envelopes for some runs, polled while any of them is still running.
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { rest } from '../../../api/rest.js';
import { pollInterval } from '../lib/poll-interval.js';
import { fetchMetricEnvelopes, metricEnvelopeKeys, type StepWindow } from './metric-envelope-query.js';

export function useMetricEnvelopes(
  runIds: readonly string[],
  metricKey: string,
  live: boolean,
  window?: StepWindow,
) {
  const lastFetchMs = useRef(0);
  return useQuery({
    queryKey: metricEnvelopeKeys.of(runIds, metricKey, window),
    queryFn: async ({ signal }) => {
      const started = performance.now();
      const envelopes = await fetchMetricEnvelopes(rest, runIds, metricKey, window, signal);
      lastFetchMs.current = performance.now() - started;
      return envelopes;
    },
    refetchInterval: live ? () => pollInterval(lastFetchMs.current) : false,
    // Zooming swaps the window: keep drawing the previous envelope until the new one is in.
    placeholderData: (previous) => previous,
  });
}
