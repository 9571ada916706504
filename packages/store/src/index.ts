// Public surface of @mlflow-ts/store.
export type * from './tracking-store.js';
export { openTrackingStore, type OpenTrackingStoreOptions } from './open-tracking-store.js';
export { parseStoreUri, type StoreLocation } from './store-uri.js';
export { HEAD_REVISION } from './schema/alembic-revisions.js';
