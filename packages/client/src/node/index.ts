// Public surface of @mlflow-ts/client/node: everything of the browser entry, plus the Node MlflowClient, env config and the fluent API.
export * from '../index.js';
// The Node client takes the name MlflowClient here (a local export shadows the star export).
export { NodeMlflowClient as MlflowClient, NodeMlflowClient } from './node-client.js';
export { checkTrackingUri, clientOptionsFromEnv } from './env-config.js';
export { walkFiles, type LocalFile } from './local-files.js';
export type { TransferOptions, TransferProgress } from './transfer-progress.js';
export * from '../fluent/index.js';
// Checkpoint callbacks and system metrics (Node-only: temp files, /proc, nvidia-smi). The tfjs adapter is not here:
// its types need @tensorflow/tfjs, an optional peer, so it gets its own entry (src/callbacks/tfjs/index.ts).
export * from '../callbacks/index.js';
export * from '../system-metrics/index.js';
