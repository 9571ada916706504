// Metric history RPC messages: get-history, get-history-bulk-interval, and the UI's get-history-bulk.
import { Type, type Static } from '@sinclair/typebox';
import { Metric, MetricWithRunId } from '../entities.js';
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
import { int32 } from './wire-types.js';

/** max_results only when sent: absent means "no paging" (MLflow checks HasField). */
export const GetMetricHistoryRequest = Type.Object({
  run_id: Type.String(),
  run_uuid: Type.Optional(Type.String()),
  metric_key: Type.String(),
  page_token: Type.String(),
  max_results: Type.Optional(int32()),
});
export type GetMetricHistoryRequest = Static<typeof GetMetricHistoryRequest>;
export const GetMetricHistoryResponse = Type.Object({
  metrics: Type.Optional(Type.Array(Metric)),
  next_page_token: Type.Optional(Type.String()),
});
export type GetMetricHistoryResponse = Static<typeof GetMetricHistoryResponse>;
export const getMetricHistoryRules: RequestRules = {
  run_id: [isString, required],
  metric_key: [isString, required],
  page_token: [isString],
};

export const MAX_RUNS_GET_METRIC_HISTORY_BULK = 100;
export const MAX_RESULTS_PER_RUN = 2500;

/** The steps and max_results are optional: the handler reads their presence from the query. */
export const GetMetricHistoryBulkIntervalRequest = Type.Object({
  run_ids: Type.Array(Type.String()),
  metric_key: Type.String(),
  start_step: Type.Optional(int32()),
  end_step: Type.Optional(int32()),
  max_results: Type.Optional(int32()),
});
export type GetMetricHistoryBulkIntervalRequest = Static<typeof GetMetricHistoryBulkIntervalRequest>;
export const GetMetricHistoryBulkIntervalResponse = Type.Object({
  metrics: Type.Optional(Type.Array(MetricWithRunId)),
});
export type GetMetricHistoryBulkIntervalResponse = Static<typeof GetMetricHistoryBulkIntervalResponse>;
export const getMetricHistoryBulkIntervalRules: RequestRules = {
  run_ids: [
    required,
    isArray,
    itemsAreStrings,
    lengthAtMost(
      MAX_RUNS_GET_METRIC_HISTORY_BULK,
      (n) =>
        `GetMetricHistoryBulkInterval request must specify at most ${MAX_RUNS_GET_METRIC_HISTORY_BULK} run_ids. Received ${n} run_ids.`,
    ),
  ],
  metric_key: [required, isString],
  start_step: [isIntlike],
  end_step: [isIntlike],
  max_results: [
    isIntlike,
    intInRange(1, MAX_RESULTS_PER_RUN, `max_results must be between 1 and ${MAX_RESULTS_PER_RUN}.`),
  ],
};

/**
 * The UI's non-proto `GET /ajax-api/2.0/mlflow/metrics/get-history-bulk`: the handler reads
 * `request.args` itself, so values stay text; validateHistoryBulkRequest checks and converts.
 */
export const GetMetricHistoryBulkRequest = Type.Object({
  run_id: Type.Array(Type.String()),
  metric_key: Type.Optional(Type.String()),
  max_results: Type.Optional(Type.String()),
});
export type GetMetricHistoryBulkRequest = Static<typeof GetMetricHistoryBulkRequest>;
/** A plain Flask dict: `metrics` is always there, even empty. */
export const GetMetricHistoryBulkResponse = Type.Object({ metrics: Type.Array(MetricWithRunId) });
export type GetMetricHistoryBulkResponse = Static<typeof GetMetricHistoryBulkResponse>;
