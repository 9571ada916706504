// Registered model create, read, rename, update, delete and latest versions, as MLflow's SQL store does them.
import { ErrorCode, MlflowError, type ModelVersion, type RegisteredModel } from '@mlflow-ts/protocol';
import type { CreateRegisteredModelInput } from '../../registry-store.js';
import { inReadTransaction, inWriteTransaction, type StoreContext } from '../context.js';
import { IS_PROMPT_TAG_KEY } from './prompts.js';
import { latestVersionRows, loadRegisteredModelRow, toModelVersions, toRegisteredModel } from './rows.js';
import { ALL_STAGES, canonicalStage } from './stages.js';
import { registryTables, WORKSPACE } from './tables.js';
import { validateModelName, validateModelRenaming, validateRegisteredModelTag } from './validate.js';

/** Later duplicates of a key win, as MLflow builds a dict of the request's tags. */
export function lastValuePerKey<T extends { key: string }>(tags: readonly T[]): T[] {
  return [...new Map(tags.map((t) => [t.key, t])).values()];
}

function hasPromptTag(tags: readonly { key: string }[] | undefined): boolean {
  return (tags ?? []).some((t) => t.key === IS_PROMPT_TAG_KEY);
}

/** MLflow words a name clash by what holds the name and what was being created (model or prompt). */
function nameTaken(name: string, existingIsPrompt: boolean, newIsPrompt: boolean): MlflowError {
  const existing = existingIsPrompt ? 'Prompt' : 'Registered Model';
  const created = newIsPrompt ? 'Prompt' : 'Registered Model';
  if (existing !== created) {
    return new MlflowError(
      ErrorCode.RESOURCE_ALREADY_EXISTS,
      `Tried to create a ${created.toLowerCase()} with name '${name}', but the name is already taken by a ` +
        `${existing.toLowerCase()}. MLflow does not allow creating a model and a prompt with the same name.`,
    );
  }
  return new MlflowError(ErrorCode.RESOURCE_ALREADY_EXISTS, `${created} (name=${name}) already exists.`);
}

export async function createRegisteredModel(
  ctx: StoreContext,
  input: CreateRegisteredModelInput,
): Promise<RegisteredModel> {
  validateModelName(input.name);
  for (const tag of input.tags ?? []) validateRegisteredModelTag(tag.key, tag.value);
  try {
    return await inWriteTransaction(ctx, async (tx) => {
      const db = registryTables(tx);
      const now = ctx.now();
      await db
        .insertInto('registered_models')
        .values({
          name: input.name,
          workspace: WORKSPACE,
          creation_time: now,
          last_updated_time: now,
          description: input.description ?? null,
        })
        .execute();
      const tags = lastValuePerKey(input.tags ?? []);
      if (tags.length > 0) {
        await db
          .insertInto('registered_model_tags')
          .values(
            tags.map((t) => ({ workspace: WORKSPACE, name: input.name, key: t.key, value: t.value ?? null })),
          )
          .execute();
      }
      return toRegisteredModel(db, await loadRegisteredModelRow(db, input.name));
    });
  } catch (error) {
    if (error instanceof MlflowError || ctx.dialect.classifyError(error) !== 'unique-violation') throw error;
    const existing = await getRegisteredModel(ctx, input.name);
    throw nameTaken(input.name, hasPromptTag(existing.tags), hasPromptTag(input.tags));
  }
}

export async function getRegisteredModel(ctx: StoreContext, name: string): Promise<RegisteredModel> {
  return inReadTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    return toRegisteredModel(db, await loadRegisteredModelRow(db, name));
  });
}

export async function updateRegisteredModel(
  ctx: StoreContext,
  name: string,
  description: string,
): Promise<RegisteredModel> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadRegisteredModelRow(db, name);
    await db
      .updateTable('registered_models')
      .set({ description, last_updated_time: ctx.now() })
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', name)
      .execute();
    return toRegisteredModel(db, await loadRegisteredModelRow(db, name));
  });
}

const RENAME_SQL =
  'UPDATE registered_models SET name=?, last_updated_time=? WHERE registered_models.workspace = ? AND registered_models.name = ?';

/** The schema's ON UPDATE CASCADE keys carry versions, tags and aliases over to the new name. */
export async function renameRegisteredModel(
  ctx: StoreContext,
  name: string,
  newName: string,
): Promise<RegisteredModel> {
  validateModelRenaming(newName);
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadRegisteredModelRow(db, name);
    const now = ctx.now();
    try {
      await db
        .updateTable('registered_models')
        .set({ name: newName, last_updated_time: now })
        .where('workspace', '=', WORKSPACE)
        .where('name', '=', name)
        .execute();
    } catch (error) {
      if (ctx.dialect.classifyError(error) !== 'unique-violation') throw error;
      const detail = ctx.dialect.integrityErrorText(error, RENAME_SQL, [newName, now, WORKSPACE, name]);
      throw MlflowError.alreadyExists(`Registered Model (name=${newName}) already exists. Error: ${detail}`);
    }
    await db
      .updateTable('model_versions')
      .set({ last_updated_time: now })
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', newName)
      .execute();
    return toRegisteredModel(db, await loadRegisteredModelRow(db, newName));
  });
}

export async function deleteRegisteredModel(ctx: StoreContext, name: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadRegisteredModelRow(db, name);
    // Children first: only the alias key deletes by cascade in MLflow's schema.
    for (const table of [
      'model_version_tags',
      'registered_model_aliases',
      'model_versions',
      'registered_model_tags',
      'registered_models',
    ] as const) {
      await db.deleteFrom(table).where('workspace', '=', WORKSPACE).where('name', '=', name).execute();
    }
  });
}

export async function getLatestVersions(
  ctx: StoreContext,
  name: string,
  stages: readonly string[],
): Promise<ModelVersion[]> {
  return inReadTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadRegisteredModelRow(db, name);
    const latest = (await latestVersionRows(db, [name])).get(name) ?? [];
    const wanted = new Set((stages.length === 0 ? ALL_STAGES : stages).map(canonicalStage));
    return toModelVersions(
      db,
      latest.filter((r) => wanted.has(r.current_stage ?? '')),
    );
  });
}
