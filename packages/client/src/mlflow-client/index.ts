// MlflowClient and the types and helpers of its areas.
export { MlflowClient } from './mlflow-client.js';
export { authorizationHeader, type MlflowClientOptions } from './client-core.js';
export { allPages, collectPages, pagedList, type PagedList } from './paged-list.js';
export {
  SEARCH_MAX_RESULTS_DEFAULT,
  type CreateExperimentOptions,
  type SearchExperimentsOptions,
} from './experiments.js';
export type { CreateRunOptions, SearchRunsOptions } from './runs.js';
export {
  stringifyValue,
  type KeyValues,
  type LogBatchContent,
  type LogMetricOptions,
  type MetricInput,
} from './logging.js';
export type { BulkIntervalOptions } from './metrics.js';
export {
  SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT,
  SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT,
  type CreateModelVersionOptions,
  type RegistrySearchOptions,
} from './registry.js';
export type { CreateLoggedModelOptions, SearchLoggedModelsOptions } from './logged-models.js';
export { checkArtifactFile, type TableData, type UploadBody } from './artifacts.js';
export { proxyRootOf, joinArtifactPath, ARTIFACTS_ROOT } from './artifact-uri.js';
export { guessMimeType } from './mime-type.js';
export { dumpYaml } from './yaml-dump.js';
export {
  splitBatch,
  MAX_ENTITIES_PER_BATCH,
  MAX_METRICS_PER_BATCH,
  MAX_PARAMS_TAGS_PER_BATCH,
  type BatchContent,
} from './batch-limits.js';
export * as tagKeys from './tag-keys.js';
