// `db upgrade` behind a dynamic import: the 47 migration steps load only when a command asks for them.
import type { UpgradeOptions, UpgradeOutcome } from './upgrade-database.js';

/** See upgrade-database.ts: brings the database at `uri` to MLflow 3.18.0's head revision. */
export async function upgradeDatabase(uri: string, options: UpgradeOptions = {}): Promise<UpgradeOutcome> {
  const { upgradeDatabase: upgrade } = await import('./upgrade-database.js');
  return upgrade(uri, options);
}
