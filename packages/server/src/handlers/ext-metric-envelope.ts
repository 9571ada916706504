// mlflow-ts extension handler: the metric envelope RPC, thin over its service.
import type { metricEnvelopeEndpoints } from '@mlflow-ts/protocol';
import type { MetricEnvelopeService } from '../services/ext-metric-envelope.js';
import type { HandlerTable } from './types.js';

export function metricEnvelopeHandlers(
  service: MetricEnvelopeService,
): HandlerTable<typeof metricEnvelopeEndpoints> {
  return {
    getMetricHistoryEnvelope: async (request) => ({ envelopes: await service.envelopes(request) }),
  };
}
