// mlflow-ts extension: a metric's history as per-step-bucket min/max envelopes, so charts never lose spikes.
import { Type, type Static } from '@sinclair/typebox';
import { defineEndpoint } from '../endpoint.js';
import {
  intInRange,
  isArray,
  isIntlike,
  isString,
  itemsAreStrings,
  lengthAtMost,
  required,
  type RequestRules,
} from '../codec/rules.js';
import { invalidParameter } from '../validation/messages.js';
import { double, int32, int64 } from './wire-types.js';

export const MAX_ENVELOPE_RUNS = 100;
export const MAX_ENVELOPE_BUCKETS = 5000;
/** ~1,000 buckets draw as ≤ 2,000 points (each bucket's first and last point), enough for any chart width. */
export const DEFAULT_ENVELOPE_BUCKETS = 1000;

export const GetMetricHistoryEnvelopeRequest = Type.Object({
  run_ids: Type.Array(Type.String()),
  metric_key: Type.String(),
  max_buckets: Type.Optional(int32()),
  start_step: Type.Optional(int64()),
  end_step: Type.Optional(int64()),
});
export type GetMetricHistoryEnvelopeRequest = Static<typeof GetMetricHistoryEnvelopeRequest>;

/**
 * One bucket of consecutive steps [step_start, step_end] (the steps actually present). min and max
 * span every finite value in it (NaN points are only counted); first and last are the points at
 * step_start and step_end (the earliest / latest logged when a step has several), so a line through
 * them is exact at every bucket edge.
 */
export const MetricEnvelopeBucket = Type.Object({
  step_start: int64(),
  step_end: int64(),
  count: int64(),
  nan_count: int64(),
  min_value: double(),
  max_value: double(),
  first_value: double(),
  first_timestamp: int64(),
  last_value: double(),
  last_timestamp: int64(),
});
export type MetricEnvelopeBucket = Static<typeof MetricEnvelopeBucket>;

/** A run's buckets in step order; `bucket_width` steps each (1 when every step has its own bucket). */
export const MetricEnvelope = Type.Object({
  run_id: Type.String(),
  bucket_width: int64(),
  buckets: Type.Optional(Type.Array(MetricEnvelopeBucket)),
});
export type MetricEnvelope = Static<typeof MetricEnvelope>;

export const GetMetricHistoryEnvelopeResponse = Type.Object({
  envelopes: Type.Optional(Type.Array(MetricEnvelope)),
});
export type GetMetricHistoryEnvelopeResponse = Static<typeof GetMetricHistoryEnvelopeResponse>;

export const getMetricHistoryEnvelopeRules: RequestRules = {
  run_ids: [
    required,
    isArray,
    itemsAreStrings,
    lengthAtMost(
      MAX_ENVELOPE_RUNS,
      (n) => `get-history-envelope accepts at most ${MAX_ENVELOPE_RUNS} run_ids; got ${n}.`,
    ),
  ],
  metric_key: [required, isString],
  max_buckets: [
    isIntlike,
    intInRange(1, MAX_ENVELOPE_BUCKETS, `max_buckets must be an integer from 1 to ${MAX_ENVELOPE_BUCKETS}.`),
  ],
  start_step: [isIntlike],
  end_step: [isIntlike],
};

export interface MetricEnvelopeQuery {
  readonly runIds: readonly string[];
  readonly metricKey: string;
  readonly maxBuckets: number;
  readonly startStep?: number;
  readonly endStep?: number;
}

/** After decoding: a step window takes both ends (start ≤ end) or none; max_buckets gets its default. */
export function validateMetricEnvelopeRequest(req: GetMetricHistoryEnvelopeRequest): MetricEnvelopeQuery {
  const { start_step: start, end_step: end } = req;
  if ((start === undefined) !== (end === undefined)) {
    throw invalidParameter('start_step and end_step must be given together, or neither.');
  }
  if (start !== undefined && end !== undefined && start > end) {
    throw invalidParameter(`start_step (${start}) must not be greater than end_step (${end}).`);
  }
  return {
    runIds: req.run_ids,
    metricKey: req.metric_key,
    maxBuckets: req.max_buckets ?? DEFAULT_ENVELOPE_BUCKETS,
    startStep: start,
    endStep: end,
  };
}

/** Our extensions live under /ajax-api/2.0/mlflow-ts/… so they never collide with MLflow's own routes. */
export const metricEnvelopeEndpoints = {
  getMetricHistoryEnvelope: defineEndpoint({
    name: 'getMetricHistoryEnvelope',
    methods: ['GET'] as const,
    path: '/mlflow-ts/metrics/get-history-envelope',
    since: 2,
    ajaxOnly: true,
    request: GetMetricHistoryEnvelopeRequest,
    response: GetMetricHistoryEnvelopeResponse,
    rules: getMetricHistoryEnvelopeRules,
  }),
} as const;
