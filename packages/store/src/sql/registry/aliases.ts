// Registered model aliases: set (insert or move), delete, and resolve an alias to its version.
import { ErrorCode, MlflowError, type ModelVersion } from '@mlflow-ts/protocol';
import { inReadTransaction, inWriteTransaction, type StoreContext } from '../context.js';
import { upsertRegistryRow } from './upsert.js';
import { getLatestVersions } from './registered-models.js';
import { loadModelVersionRow, loadRegisteredModelRow, toModelVersionEntity } from './rows.js';
import { registryTables, WORKSPACE } from './tables.js';
import {
  validateAliasName,
  validateAliasNameReserved,
  validateModelName,
  validateModelVersion,
} from './validate.js';

export async function setRegisteredModelAlias(
  ctx: StoreContext,
  name: string,
  alias: string,
  version: string,
): Promise<void> {
  validateModelName(name);
  validateAliasName(alias);
  validateAliasNameReserved(alias);
  const number = validateModelVersion(version);
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadModelVersionRow(db, name, number);
    const row = { workspace: WORKSPACE, name, alias, version: number };
    await upsertRegistryRow(
      db,
      ctx.dialect,
      'registered_model_aliases',
      row,
      ['workspace', 'name', 'alias'],
      ['version'],
    );
  });
}

export async function deleteRegisteredModelAlias(
  ctx: StoreContext,
  name: string,
  alias: string,
): Promise<void> {
  validateModelName(name);
  validateAliasName(alias);
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadRegisteredModelRow(db, name);
    await db
      .deleteFrom('registered_model_aliases')
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', name)
      .where('alias', '=', alias)
      .execute();
  });
}

export async function getModelVersionByAlias(
  ctx: StoreContext,
  name: string,
  alias: string,
): Promise<ModelVersion> {
  validateModelName(name);
  validateAliasName(alias);
  if (alias.toLowerCase() === 'latest') {
    const versions = await getLatestVersions(ctx, name, []);
    const highest = versions.reduce<ModelVersion | undefined>(
      (best, mv) => (best === undefined || Number(mv.version) > Number(best.version) ? mv : best),
      undefined,
    );
    if (highest === undefined) {
      throw new MlflowError(ErrorCode.RESOURCE_DOES_NOT_EXIST, `Latest version not found for model ${name}.`);
    }
    return highest;
  }
  return inReadTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadRegisteredModelRow(db, name);
    const row = await db
      .selectFrom('registered_model_aliases')
      .selectAll()
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', name)
      .where('alias', '=', alias)
      .executeTakeFirst();
    if (!row) throw MlflowError.invalidParameter(`Registered model alias ${alias} not found.`);
    return toModelVersionEntity(db, await loadModelVersionRow(db, row.name, Number(row.version)));
  });
}
