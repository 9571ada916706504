// mlflow-ts extension service: validates an envelope request and reads the envelopes from the store.
import {
  validateMetricEnvelopeRequest,
  type GetMetricHistoryEnvelopeRequest,
  type MetricEnvelope,
} from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';

export class MetricEnvelopeService {
  constructor(private readonly store: TrackingStore) {}

  /** Bucketing and aggregation happen in SQL; here only the window and the default bucket count. */
  envelopes(request: GetMetricHistoryEnvelopeRequest): Promise<MetricEnvelope[]> {
    return this.store.getMetricHistoryEnvelope(validateMetricEnvelopeRequest(request));
  }
}
