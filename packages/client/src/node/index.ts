// Public surface of @mlflow-ts/client/node: everything of the browser entry, plus the Node MlflowClient, env config and the fluent API.
export * from '../index.js';
// The Node client takes the name MlflowClient here (a local export shadows the star export).
export { NodeMlflowClient as MlflowClient, NodeMlflowClient } from './node-client.js';
export { checkTrackingUri, clientOptionsFromEnv } from './env-config.js';
export { walkFiles, type LocalFile } from './local-files.js';
export type { TransferOptions, TransferProgress } from './transfer-progress.js';
export * from '../fluent/index.js';
