// Logging RPC messages (metric, param, tags, batch, model, inputs, outputs) and their handler schemas.
import { Type, type Static } from '@sinclair/typebox';
import { DatasetInput, ModelInput, Param, RunTag } from '../entities.js';
import {
  eachHasFields,
  isArray,
  isFloatlike,
  isIntlike,
  isString,
  required,
  type RequestRules,
} from '../codec/rules.js';
import { validateLogBatchRequestSize } from '../validation/log-batch.js';
import { double, int64 } from './wire-types.js';
import { WireMetric, WireModelOutput } from './wire-entities.js';

/** model_id / dataset_* read '' when absent; MLflow treats '' as "none" (`x or None`). */
export const LogMetricRequest = Type.Object({
  run_id: Type.String(),
  run_uuid: Type.Optional(Type.String()),
  key: Type.String(),
  value: double(),
  timestamp: int64(),
  step: int64({ default: 0 }),
  model_id: Type.String(),
  dataset_name: Type.String(),
  dataset_digest: Type.String(),
});
export type LogMetricRequest = Static<typeof LogMetricRequest>;
export const logMetricRules: RequestRules = {
  run_id: [required, isString],
  key: [required, isString],
  value: [required, isFloatlike],
  timestamp: [isIntlike, required],
  step: [isIntlike],
  model_id: [isString],
  dataset_name: [isString],
  dataset_digest: [isString],
};

/** A missing value is logged as '' (the proto default), as MLflow does. */
export const LogParamRequest = Type.Object({
  run_id: Type.String(),
  run_uuid: Type.Optional(Type.String()),
  key: Type.String(),
  value: Type.String(),
});
export type LogParamRequest = Static<typeof LogParamRequest>;

export const SetTagRequest = Type.Object({
  run_id: Type.String(),
  run_uuid: Type.Optional(Type.String()),
  key: Type.String(),
  value: Type.String(),
});
export type SetTagRequest = Static<typeof SetTagRequest>;
/** Shared by log-parameter and set-tag. */
export const keyValueRules: RequestRules = {
  run_id: [required, isString],
  key: [required, isString],
  value: [isString],
};

export const DeleteTagRequest = Type.Object({ run_id: Type.String(), key: Type.String() });
export type DeleteTagRequest = Static<typeof DeleteTagRequest>;
export const deleteTagRules: RequestRules = { run_id: [required, isString], key: [required, isString] };

export const LogBatchRequest = Type.Object({
  run_id: Type.String(),
  metrics: Type.Array(WireMetric),
  params: Type.Array(Param),
  tags: Type.Array(RunTag),
});
export type LogBatchRequest = Static<typeof LogBatchRequest>;
export const logBatchRules: RequestRules = {
  run_id: [isString, required],
  metrics: [isArray, eachHasFields('metrics', ['key', 'value', 'timestamp'])],
  params: [isArray, eachHasFields('params', ['key'])],
  tags: [isArray, eachHasFields('tags', ['key'])],
};
/** log-batch checks the raw body size before anything else. */
export const logBatchBeforeDecode = validateLogBatchRequestSize;

export const LogModelRequest = Type.Object({ run_id: Type.String(), model_json: Type.String() });
export type LogModelRequest = Static<typeof LogModelRequest>;
export const logModelRules: RequestRules = { run_id: [isString, required], model_json: [isString, required] };

export const LogInputsRequest = Type.Object({
  run_id: Type.String(),
  datasets: Type.Array(DatasetInput),
  models: Type.Array(ModelInput),
});
export type LogInputsRequest = Static<typeof LogInputsRequest>;
export const logInputsRules: RequestRules = {
  run_id: [required, isString],
  datasets: [isArray],
  models: [isArray],
};

export const LogOutputsRequest = Type.Object({ run_id: Type.String(), models: Type.Array(WireModelOutput) });
export type LogOutputsRequest = Static<typeof LogOutputsRequest>;
export const logOutputsRules: RequestRules = { run_id: [required, isString], models: [required, isArray] };
