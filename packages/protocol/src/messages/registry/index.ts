// Model registry messages: entities and the request/response messages of every registry RPC.
export * from './entities.js';
export * from './registered-models.js';
export * from './model-versions.js';
export * from './aliases.js';
export * from './models-uri.js';
