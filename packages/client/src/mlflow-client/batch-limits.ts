// Splits metrics/params/tags into log-batch requests within MLflow's limits (mlflow/utils/validation.py).
import type { Metric, Param, RunTag } from '@mlflow-ts/protocol';

export const MAX_METRICS_PER_BATCH = 1000;
export const MAX_PARAMS_TAGS_PER_BATCH = 100;
export const MAX_ENTITIES_PER_BATCH = 1000;

export interface BatchContent {
  metrics: Metric[];
  params: Param[];
  tags: RunTag[];
}

/**
 * Chunks like MLflow's TrackingServiceClient.log_batch: params and tags in hundreds, each chunk
 * topped up with metrics to 1000 entities, then the remaining metrics in thousands. Order within
 * each kind is kept, so a later value of the same key still lands later.
 *
 * @example
 * splitBatch({ metrics: manyMetrics, params: [], tags: [] }).length // ceil(manyMetrics.length / 1000)
 */
export function splitBatch(content: BatchContent): BatchContent[] {
  const out: BatchContent[] = [];
  let m = 0;
  const chunks = Math.max(
    Math.ceil(content.params.length / MAX_PARAMS_TAGS_PER_BATCH),
    Math.ceil(content.tags.length / MAX_PARAMS_TAGS_PER_BATCH),
  );
  for (let i = 0; i < chunks; i++) {
    const params = content.params.slice(i * MAX_PARAMS_TAGS_PER_BATCH, (i + 1) * MAX_PARAMS_TAGS_PER_BATCH);
    const tags = content.tags.slice(i * MAX_PARAMS_TAGS_PER_BATCH, (i + 1) * MAX_PARAMS_TAGS_PER_BATCH);
    const room = Math.max(
      0,
      Math.min(MAX_ENTITIES_PER_BATCH - params.length - tags.length, MAX_METRICS_PER_BATCH),
    );
    const metrics = content.metrics.slice(m, m + room);
    m += metrics.length;
    out.push({ metrics, params, tags });
  }
  for (; m < content.metrics.length; m += MAX_METRICS_PER_BATCH) {
    out.push({ metrics: content.metrics.slice(m, m + MAX_METRICS_PER_BATCH), params: [], tags: [] });
  }
  return out;
}
