// Entities as request fields, where protobuf's int64 typing matters to parsing (Metric, ModelOutput).
import { Type } from '@sinclair/typebox';
import { int64, double } from './wire-types.js';

/**
 * `mlflow.Metric` as protobuf types it in requests: timestamp and step are int64, so the parser
 * refuses 1.5 or true there as MLflow's does. Its static type is the entity `Metric`'s.
 */
export const WireMetric = Type.Object({
  key: Type.String(),
  value: double(),
  timestamp: int64(),
  step: int64(),
  dataset_name: Type.Optional(Type.String()),
  dataset_digest: Type.Optional(Type.String()),
  model_id: Type.Optional(Type.String()),
  run_id: Type.Optional(Type.String()),
});

/** `mlflow.ModelOutput` in requests (int64 step); static type equals the entity `ModelOutput`. */
export const WireModelOutput = Type.Object({ model_id: Type.String(), step: int64() });
