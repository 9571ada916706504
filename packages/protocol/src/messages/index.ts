// Request/response messages and the endpoint table of the tracking API.
export * from './wire-types.js';
export * from './wire-entities.js';
export * from './experiments.js';
export * from './runs.js';
export * from './logging.js';
export * from './metrics.js';
export * from './datasets.js';
export * from './artifacts.js';
export * from './server-info.js';
export * from './tracking-endpoints.js';
