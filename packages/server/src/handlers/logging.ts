// Logging RPC handlers: metrics, params, tags, batches, models, inputs and outputs of a run.
import { EMPTY, type TrackingHandlers } from './tracking-handlers.js';

type LoggingRpcs =
  'logMetric' | 'logParam' | 'setTag' | 'deleteTag' | 'logBatch' | 'logModel' | 'logInputs' | 'logOutputs';

export const loggingHandlers: Pick<TrackingHandlers, LoggingRpcs> = {
  logMetric: async (req, { services }) => {
    // MLflow keeps only non-empty optional strings on the metric ("x or None").
    await services.logging.logMetric(req.run_id, {
      key: req.key,
      value: req.value,
      timestamp: req.timestamp,
      step: req.step,
      model_id: req.model_id || undefined,
      dataset_name: req.dataset_name || undefined,
      dataset_digest: req.dataset_digest || undefined,
      run_id: req.run_id || undefined,
    });
    return EMPTY;
  },
  logParam: async (req, { services }) => {
    await services.logging.logParam(req.run_id, req.key, req.value);
    return EMPTY;
  },
  setTag: async (req, { services }) => {
    await services.logging.setTag(req.run_id, req.key, req.value);
    return EMPTY;
  },
  deleteTag: async (req, { services }) => {
    await services.logging.deleteTag(req.run_id, req.key);
    return EMPTY;
  },
  logBatch: async (req, { services }) => {
    await services.logging.logBatch(req.run_id, { metrics: req.metrics, params: req.params, tags: req.tags });
    return EMPTY;
  },
  logModel: async (req, { services }) => {
    await services.logging.logModel(req.run_id, req.model_json);
    return EMPTY;
  },
  logInputs: async (req, { services }) => {
    await services.logging.logInputs(req.run_id, req.datasets, req.models);
    return EMPTY;
  },
  logOutputs: async (req, { services }) => {
    await services.logging.logOutputs(req.run_id, req.models);
    return EMPTY;
  },
};
