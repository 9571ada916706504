// Model version create, read, update, stage transitions and delete, as MLflow's SQL store does them.
import { ErrorCode, MlflowError, type ModelVersion } from '@mlflow-ts/protocol';
import type { CreateModelVersionInput } from '../../registry-store.js';
import { inReadTransaction, inWriteTransaction, type StoreContext } from '../context.js';
import { loggedModel, resolveModelSource } from './model-source.js';
import { lastValuePerKey } from './registered-models.js';
import { loadModelVersionRow, loadRegisteredModelRow, toModelVersionEntity } from './rows.js';
import {
  ACTIVE_STAGES,
  canonicalStage,
  STAGE_ARCHIVED,
  STAGE_DELETED_INTERNAL,
  STAGE_NONE,
} from './stages.js';
import { registryTables, WORKSPACE } from './tables.js';
import { validateModelName, validateModelVersion, validateModelVersionTag } from './validate.js';

/** MLflow tries this many times when concurrent creators race for the same version number. */
const CREATE_ATTEMPTS = 3;

async function createOnce(ctx: StoreContext, input: CreateModelVersionInput): Promise<ModelVersion> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    let runId = input.runId;
    const resolved = await resolveModelSource(db, input.source, runId);
    runId = resolved.runId;
    if (!runId && input.modelId) runId = (await loggedModel(db, input.modelId)).source_run_id ?? undefined;
    const now = ctx.now();
    await loadRegisteredModelRow(db, input.name);
    await db
      .updateTable('registered_models')
      .set({ last_updated_time: now })
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', input.name)
      .execute();
    // Deleted versions keep their rows, so the maximum never goes down: numbers are never reused.
    // A locking read sees the newest committed versions even under MySQL's REPEATABLE READ, whose
    // plain reads could still show a snapshot older than the lock on the model row taken above.
    let highest = db
      .selectFrom('model_versions')
      .select('version')
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', input.name)
      .orderBy('version', 'desc')
      .limit(1);
    if (ctx.dialect.lockRowsForWrite) highest = highest.forUpdate();
    const version = Number((await highest.executeTakeFirst())?.version ?? 0) + 1;
    await db
      .insertInto('model_versions')
      .values({
        workspace: WORKSPACE,
        name: input.name,
        version,
        creation_time: now,
        last_updated_time: now,
        description: input.description ?? null,
        user_id: null,
        current_stage: STAGE_NONE,
        source: input.source,
        storage_location: resolved.storageLocation,
        run_id: runId ?? null,
        run_link: input.runLink ?? null,
        status: 'READY',
        status_message: null,
      })
      .execute();
    const tags = lastValuePerKey(input.tags ?? []);
    if (tags.length > 0) {
      await db
        .insertInto('model_version_tags')
        .values(
          tags.map((t) => ({
            workspace: WORKSPACE,
            name: input.name,
            version,
            key: t.key,
            value: t.value ?? null,
          })),
        )
        .execute();
    }
    return toModelVersionEntity(db, await loadModelVersionRow(db, input.name, version));
  });
}

export async function createModelVersion(
  ctx: StoreContext,
  input: CreateModelVersionInput,
): Promise<ModelVersion> {
  validateModelName(input.name);
  for (const tag of input.tags ?? []) validateModelVersionTag(tag.key, tag.value);
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
    try {
      return await createOnce(ctx, input);
    } catch (error) {
      if (error instanceof MlflowError || ctx.dialect.classifyError(error) !== 'unique-violation')
        throw error;
    }
  }
  throw new MlflowError(
    ErrorCode.INTERNAL_ERROR,
    `Model Version creation error (name=${input.name}). Giving up after ${CREATE_ATTEMPTS} attempts.`,
  );
}

export async function getModelVersion(
  ctx: StoreContext,
  name: string,
  version: string,
): Promise<ModelVersion> {
  return inReadTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    return toModelVersionEntity(db, await loadModelVersionRow(db, name, version));
  });
}

export async function getModelVersionDownloadUri(
  ctx: StoreContext,
  name: string,
  version: string,
): Promise<string> {
  return inReadTransaction(ctx, async (tx) => {
    const row = await loadModelVersionRow(registryTables(tx), name, version);
    return row.storage_location || row.source || '';
  });
}

export async function updateModelVersion(
  ctx: StoreContext,
  name: string,
  version: string,
  description: string | undefined,
): Promise<ModelVersion> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    const row = await loadModelVersionRow(db, name, version);
    await db
      .updateTable('model_versions')
      .set({ description: description ?? null, last_updated_time: ctx.now() })
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', row.name)
      .where('version', '=', row.version)
      .execute();
    return toModelVersionEntity(db, await loadModelVersionRow(db, name, version));
  });
}

export async function transitionModelVersionStage(
  ctx: StoreContext,
  name: string,
  version: string,
  stage: string,
  archiveExistingVersions: boolean,
): Promise<ModelVersion> {
  const target = canonicalStage(stage);
  if (archiveExistingVersions && !(ACTIVE_STAGES as readonly string[]).includes(target)) {
    // Raised without an error code: MLflow's server answers INTERNAL_ERROR.
    throw new MlflowError(
      ErrorCode.INTERNAL_ERROR,
      `Model version transition cannot archive existing model versions because '${stage}' is not an ` +
        `Active stage. Valid stages are ['Staging', 'Production']`,
    );
  }
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    const row = await loadModelVersionRow(db, name, version);
    const now = ctx.now();
    if (archiveExistingVersions) {
      await db
        .updateTable('model_versions')
        .set({ current_stage: STAGE_ARCHIVED, last_updated_time: now })
        .where('workspace', '=', WORKSPACE)
        .where('name', '=', name)
        .where('version', '!=', row.version)
        .where('current_stage', '=', target)
        .execute();
    }
    await db
      .updateTable('model_versions')
      .set({ current_stage: target, last_updated_time: now })
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', name)
      .where('version', '=', row.version)
      .execute();
    await db
      .updateTable('registered_models')
      .set({ last_updated_time: now })
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', name)
      .execute();
    return toModelVersionEntity(db, await loadModelVersionRow(db, name, version));
  });
}

/** The row stays (its number is taken for good) under the hidden stage, with its details redacted. */
export async function deleteModelVersion(ctx: StoreContext, name: string, version: string): Promise<void> {
  const number = validateModelVersion(version);
  return inWriteTransaction(ctx, async (tx) => {
    const db = registryTables(tx);
    await loadModelVersionRow(db, name, number);
    const now = ctx.now();
    await db
      .updateTable('registered_models')
      .set({ last_updated_time: now })
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', name)
      .execute();
    await db
      .deleteFrom('registered_model_aliases')
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', name)
      .where('version', '=', number)
      .execute();
    await db
      .updateTable('model_versions')
      .set({
        current_stage: STAGE_DELETED_INTERNAL,
        last_updated_time: now,
        description: null,
        user_id: null,
        source: 'REDACTED-SOURCE-PATH',
        run_id: 'REDACTED-RUN-ID',
        run_link: 'REDACTED-RUN-LINK',
        status_message: null,
      })
      .where('workspace', '=', WORKSPACE)
      .where('name', '=', name)
      .where('version', '=', number)
      .execute();
  });
}
