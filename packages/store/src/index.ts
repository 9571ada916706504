// Public surface of @mlflow-ts/store.
export type * from './tracking-store.js';
export type * from './logged-model-store.js';
export type * from './webhook-store.js';
export type * from './registry-store.js';
export { openTrackingStore, type OpenTrackingStoreOptions } from './open-tracking-store.js';
export { parseStoreUri, type StoreLocation } from './store-uri.js';
export { HEAD_REVISION } from './schema/alembic-revisions.js';
export type { UpgradeOutcome, UpgradeOptions } from './migrations/upgrade-database.js';
export { upgradeDatabase } from './migrations/upgrade-database-lazy.js';
export type { MigrationResult, MigrationResultSet, MigrationStatus } from './migrations/migrator.js';
export type { MigrationStep } from './migrations/migration-step.js';
