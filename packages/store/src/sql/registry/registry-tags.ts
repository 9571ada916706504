// Tags of registered models and model versions: set (insert or overwrite) and delete.
import { validateTagName, type ModelVersionTag, type RegisteredModelTag } from '@mlflow-ts/protocol';
import { inWriteTransaction, type StoreContext } from '../context.js';
import { upsertRegistryRow } from './upsert.js';
import { loadModelVersionRow, loadRegisteredModelRow } from './rows.js';
import { registryTables, WORKSPACE } from './tables.js';
import {
  validateModelName,
  validateModelVersion,
  validateModelVersionTag,
  validateRegisteredModelTag,
} from './validate.js';

export async function setRegisteredModelTag(
  ctx: StoreContext,
  name: string,
  tag: RegisteredModelTag,
): Promise<void> {
  validateModelName(name);
  validateRegisteredModelTag(tag.key, tag.value);
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadRegisteredModelRow(db, name);
    const row = { workspace: WORKSPACE, name, key: tag.key, value: tag.value ?? null };
    await upsertRegistryRow(
      db,
      ctx.dialect,
      'registered_model_tags',
      row,
      ['workspace', 'key', 'name'],
      ['value'],
    );
  });
}

/** Deleting a tag the model does not have is not an error. */
export async function deleteRegisteredModelTag(ctx: StoreContext, name: string, key: string): Promise<void> {
  validateModelName(name);
  validateTagName(key);
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadRegisteredModelRow(db, name);
    await db
      .deleteFrom('registered_model_tags')
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', name)
      .where('key', '=', key)
      .execute();
  });
}

export async function setModelVersionTag(
  ctx: StoreContext,
  name: string,
  version: string,
  tag: ModelVersionTag,
): Promise<void> {
  validateModelName(name);
  const number = validateModelVersion(version);
  validateModelVersionTag(tag.key, tag.value);
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadModelVersionRow(db, name, number);
    const row = { workspace: WORKSPACE, name, version: number, key: tag.key, value: tag.value ?? null };
    await upsertRegistryRow(
      db,
      ctx.dialect,
      'model_version_tags',
      row,
      ['workspace', 'key', 'name', 'version'],
      ['value'],
    );
  });
}

export async function deleteModelVersionTag(
  ctx: StoreContext,
  name: string,
  version: string,
  key: string,
): Promise<void> {
  validateModelName(name);
  const number = validateModelVersion(version);
  validateTagName(key);
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadModelVersionRow(db, name, number);
    await db
      .deleteFrom('model_version_tags')
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', name)
      .where('version', '=', number)
      .where('key', '=', key)
      .execute();
  });
}
