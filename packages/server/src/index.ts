// Public surface of @mlflow-ts/server.
export * from './config.js';
export { createApp } from './app.js';
export { MLFLOW_VERSION } from './version.js';
