// From a parsed store URI to an open database (Kysely handle + dialect), one branch per backend.
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import type { ConnectRetryOptions } from './dialects/connect-retry.js';
import type { OpenedDatabase } from './dialects/dialect.js';
import { openSqlite } from './dialects/sqlite.js';
import { parseStoreUri } from './store-uri.js';

/**
 * URI options the driver cannot use are reported once, as a process warning, rather than
 * refused: MLflow users carry SQLAlchemy/psycopg2 options that mean nothing to Node drivers.
 */
function reportIgnored(ignored: readonly string[]): void {
  for (const note of ignored) {
    process.emitWarning(`Ignoring database URI option ${note}.`, { code: 'MLFLOW_TS_DB_OPTION' });
  }
}

/**
 * Opens the database behind `uri`. A PostgreSQL/MySQL server that is still starting is retried as
 * MLflow retries it (10 attempts over ~100 s); `retry.onRetry` hears about each wait.
 */
export async function openDatabase(uri: string, retry: ConnectRetryOptions = {}): Promise<OpenedDatabase> {
  const location = parseStoreUri(uri);
  if (location.kind === 'sqlite') return openSqlite(location.file);
  if (location.kind === 'unsupported') {
    throw new MlflowError(
      ErrorCode.NOT_IMPLEMENTED,
      `The ${location.backend} backend store is not supported by mlflow-ts; use a SQLite, PostgreSQL or MySQL URI.`,
    );
  }
  // The pg and mysql2 drivers (several MiB each) load only for their own URIs, not on a SQLite server.
  const opened =
    location.kind === 'postgresql'
      ? await (await import('./dialects/postgres.js')).openPostgres(location, retry)
      : await (await import('./dialects/mysql.js')).openMysql(location, retry);
  reportIgnored(opened.ignored);
  return { db: opened.db, dialect: opened.dialect };
}
