// The store handed to the app in --artifacts-only mode, where MLflow opens no tracking store at all.
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';

/**
 * Opening the default SQLite file would create ./mlflow.db, which MLflow does not do in this mode.
 * The app refuses tracking endpoints itself; should one slip through, every call fails the same way.
 */
export function artifactsOnlyStore(): TrackingStore {
  return new Proxy({} as TrackingStore, {
    get(_target, prop) {
      if (prop === 'close') return async () => undefined;
      if (prop === 'then') return undefined;
      return () => {
        throw new MlflowError(
          ErrorCode.NOT_IMPLEMENTED,
          'The tracking store is not available: the server runs in --artifacts-only mode.',
        );
      };
    },
  });
}
