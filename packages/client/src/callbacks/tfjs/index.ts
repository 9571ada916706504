// TensorFlow.js adapters: training metrics and checkpoints logged to an MLflow run.
export { metricLogs } from './batch-logs.js';
export { MlflowTfjsCallback, type TfjsCallbackOptions } from './mlflow-tfjs-callback.js';
export {
  MlflowTfjsCheckpointCallback,
  TFJS_CHECKPOINT_SUFFIX,
  type TfjsCheckpointCallbackOptions,
} from './mlflow-tfjs-checkpoint-callback.js';
export {
  loadTfjsCheckpoint,
  saveTfjsModelFiles,
  TFJS_MODEL_JSON,
  TFJS_WEIGHTS_BIN,
  TFJS_WEIGHTS_MANIFEST_JSON,
} from './tfjs-checkpoint-files.js';
export type { TfjsCallbackHooks, TfjsLayersModel, TfjsLogs, TfjsModule } from './tfjs-module.js';
