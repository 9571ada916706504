// Which migration SQL a store URI needs: the database kind named by its scheme.
import { parseStoreUri } from '../store-uri.js';
import type { MigrationDialect } from './migration-step.js';

/** mssql and malformed URIs never get here: opening the database refuses them first. */
export function migrationDialectOf(uri: string): MigrationDialect {
  const kind = parseStoreUri(uri).kind;
  if (kind === 'postgresql') return 'postgres';
  if (kind === 'mysql') return 'mysql';
  return 'sqlite';
}
