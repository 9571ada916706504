// The fluent API (Python's `mlflow.*` module functions in camelCase), for Node.
export { setTrackingUri, getTrackingUri, fluentClient, resetFluentState } from './fluent-state.js';
export { setExperiment, currentExperimentId, type SetExperimentArgs } from './experiments.js';
export {
  startRun,
  endRun,
  withRun,
  activeRun,
  lastActiveRun,
  getRun,
  searchRuns,
  type StartRunOptions,
  type FluentSearchRunsOptions,
} from './runs.js';
export { ActiveRun } from './active-run.js';
export {
  logMetric,
  logMetrics,
  logParam,
  logParams,
  setTag,
  setTags,
  deleteTag,
  flush,
  logArtifact,
  logArtifacts,
  logDict,
  logText,
  logTable,
  logImage,
  logInput,
  type FluentLogOptions,
  type FluentMetricOptions,
  type LogInputOptions,
} from './logging.js';
export {
  AsyncLogger,
  takeBatch,
  type QueuedItem,
  type PendingBatch,
  type BatchSender,
} from './async-logger.js';
export { resolveRunTags } from './run-context-tags.js';
export { installExitHooks } from './exit-hooks.js';
