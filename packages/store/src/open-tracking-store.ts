// openTrackingStore: from a database URI to a ready TrackingStore (schema created or verified).
import { openDatabase } from './open-database.js';
import { describeConnectFailure } from './dialects/connect-retry.js';
import { prepareDatabase } from './schema/prepare-database.js';
import type { StoreContext } from './sql/context.js';
import { SqlTrackingStore } from './sql/sql-tracking-store.js';
import type { TrackingStore } from './tracking-store.js';
import { resolveUriIfLocal } from './util/uri-path.js';

export interface OpenTrackingStoreOptions {
  /** Where new experiments put artifacts (`<root>/<experiment id>`), e.g. `mlflow-artifacts:/` or `./mlruns`. */
  defaultArtifactRoot: string;
  /** Clock in epoch milliseconds; tests pin it. */
  now?: () => number;
  /** Called before each wait for a database server that is not accepting connections yet. */
  onConnectRetry?: (message: string) => void;
}

/**
 * Opens the tracking store behind a SQLAlchemy-style URI.
 *
 * @example
 * const store = await openTrackingStore('sqlite:///mlflow.db', { defaultArtifactRoot: 'mlflow-artifacts:/' });
 * const id = await store.createExperiment({ name: 'demo' });
 */
export async function openTrackingStore(
  uri: string,
  options: OpenTrackingStoreOptions,
): Promise<TrackingStore> {
  const { db, dialect } = await openDatabase(uri, {
    onRetry: (error, delayMs, attempt) =>
      options.onConnectRetry?.(
        `The tracking database is not accepting connections yet (${describeConnectFailure(error)}); ` +
          `attempt ${attempt} failed, retrying in ${(delayMs / 1000).toFixed(1)} s.`,
      ),
  });
  const ctx: StoreContext = {
    db,
    dialect,
    artifactRoot: resolveUriIfLocal(options.defaultArtifactRoot),
    now: options.now ?? Date.now,
  };
  try {
    await prepareDatabase(ctx, uri);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlTrackingStore(ctx);
}
