// MLflow's request validation: the checks of mlflow/utils/validation.py and the handlers, with their messages.
export * from './messages.js';
export * from './names.js';
export * from './lengths.js';
export * from './ids.js';
export * from './metric.js';
export * from './param.js';
export * from './run-tag.js';
export * from './experiment.js';
export * from './artifact-location.js';
export * from './log-batch.js';
export * from './log-inputs.js';
export * from './log-model.js';
export * from './search.js';
export * from './metric-history.js';
export * from './search-datasets.js';
