// Public surface of @mlflow-ts/client (browser-safe; Node-only helpers are in @mlflow-ts/client/node).
export * from './rest/index.js';
export * from './mlflow-client/index.js';
