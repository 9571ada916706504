// Logged-model writes with MLflow's SqlAlchemyStore rules: create, finalize, soft delete, tags, params.
import { sql } from 'kysely';
import {
  ErrorCode,
  MlflowError,
  PyTuple,
  loggedModelStatusToInt,
  pyRepr,
  type LoggedModel,
  type LoggedModelParameter,
  type LoggedModelStatus,
  type LoggedModelTag,
  type PyValue,
} from '@mlflow-ts/protocol';
import type { CreateLoggedModelInput } from '../../logged-model-store.js';
import { generateRunName } from '../../util/run-names.js';
import { appendToUriPath } from '../../util/uri-path.js';
import { inWriteTransaction, type StoreContext } from '../context.js';
import { loadExperimentRow, requireActiveExperiment } from '../experiment-rows.js';
import { ACTIVE, DELETED } from '../view-type.js';
import { loadModelRow, toLoggedModels } from './rows.js';
import { withModelTables, type LoggedModelDb } from './tables.js';

/** `m-` and a uuid4 without dashes, as MLflow names models. */
function newModelId(): string {
  return `m-${crypto.randomUUID().replace(/-/g, '')}`;
}

const BAD_CHARS = ['/', ':', '.', '%', '"', "'"];

/** MLflow's _validate_logged_model_name (a given name only; absent ones are generated). */
function validateName(name: string): void {
  if (name === '' || BAD_CHARS.some((c) => name.includes(c))) {
    throw MlflowError.invalidParameter(
      `Invalid model name (${pyRepr(name)}) provided. Model name must be a non-empty string and cannot contain the following characters: ${pyRepr(new PyTuple(BAD_CHARS))}`,
    );
  }
}

/**
 * Inserts rows in one statement; a duplicate key is MLflow's IntegrityError answer (BAD_REQUEST
 * with the driver's text), whose parameters list every row when several were sent at once.
 */
async function insertOrIntegrityError(
  ctx: StoreContext,
  run: () => Promise<unknown>,
  statement: string,
  rows: readonly PyValue[][],
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const kind = ctx.dialect.classifyError(error);
    if (kind !== 'unique-violation' && kind !== 'foreign-key-violation') throw error;
    const single = rows.length === 1 ? (rows[0] ?? []) : [];
    let text = ctx.dialect.integrityErrorText(error, statement, single);
    if (rows.length > 1) {
      text = text.replace('[parameters: ()]', `[parameters: ${pyRepr(rows.map((r) => new PyTuple(r)))}]`);
    }
    throw new MlflowError(ErrorCode.BAD_REQUEST, text);
  }
}

const PARAMS_SQL =
  'INSERT INTO logged_model_params (model_id, experiment_id, param_key, param_value) VALUES (?, ?, ?, ?)';
const TAGS_SQL =
  'INSERT INTO logged_model_tags (model_id, experiment_id, tag_key, tag_value) VALUES (?, ?, ?, ?)';

async function insertParams(
  db: LoggedModelDb,
  ctx: StoreContext,
  modelId: string,
  experimentId: number,
  shownExperimentId: PyValue,
  params: readonly LoggedModelParameter[],
): Promise<void> {
  if (params.length === 0) return;
  const rows = params.map((p) => ({
    model_id: modelId,
    experiment_id: experimentId,
    param_key: p.key,
    param_value: p.value,
  }));
  await insertOrIntegrityError(
    ctx,
    () => db.insertInto('logged_model_params').values(rows).execute(),
    PARAMS_SQL,
    params.map((p) => [modelId, shownExperimentId, p.key, p.value]),
  );
}

export function createLoggedModel(ctx: StoreContext, input: CreateLoggedModelInput): Promise<LoggedModel> {
  if (input.name !== undefined) validateName(input.name);
  return inWriteTransaction(ctx, async (tx) => {
    const db = withModelTables(tx);
    const experiment = await loadExperimentRow(tx, input.experimentId, 'ALL');
    requireActiveExperiment(experiment);
    const modelId = newModelId();
    const now = ctx.now();
    const experimentId = experiment.experiment_id;
    await db
      .insertInto('logged_models')
      .values({
        model_id: modelId,
        experiment_id: experimentId,
        name: input.name ?? generateRunName(),
        artifact_location: appendToUriPath(
          experiment.artifact_location ?? '',
          'models',
          modelId,
          'artifacts',
        ),
        creation_timestamp_ms: now,
        last_updated_timestamp_ms: now,
        status: loggedModelStatusToInt('LOGGED_MODEL_PENDING'),
        lifecycle_stage: ACTIVE,
        model_type: input.modelType,
        source_run_id: input.sourceRunId,
        status_message: null,
      })
      .execute();
    // MLflow binds the id as the request sent it, which shows in its integrity errors.
    await insertParams(db, ctx, modelId, experimentId, input.experimentId, input.params ?? []);
    const tags = input.tags ?? [];
    if (tags.length > 0) {
      const rows = tags.map((t) => ({
        model_id: modelId,
        experiment_id: experimentId,
        tag_key: t.key,
        tag_value: t.value,
      }));
      await insertOrIntegrityError(
        ctx,
        () => db.insertInto('logged_model_tags').values(rows).execute(),
        TAGS_SQL,
        tags.map((t) => [modelId, input.experimentId, t.key, t.value]),
      );
    }
    const row = await loadModelRow(db, modelId, true);
    const [model] = await toLoggedModels(db, [row]);
    return model as LoggedModel;
  });
}

export function finalizeLoggedModel(
  ctx: StoreContext,
  modelId: string,
  status: LoggedModelStatus,
): Promise<LoggedModel> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = withModelTables(tx);
    await loadModelRow(db, modelId, true);
    await db
      .updateTable('logged_models')
      .set({ status: loggedModelStatusToInt(status), last_updated_timestamp_ms: ctx.now() })
      .where('model_id', '=', modelId)
      .execute();
    const [model] = await toLoggedModels(db, [await loadModelRow(db, modelId, true)]);
    return model as LoggedModel;
  });
}

export function deleteLoggedModel(ctx: StoreContext, modelId: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = withModelTables(tx);
    await loadModelRow(db, modelId, true);
    await db
      .updateTable('logged_models')
      .set({ lifecycle_stage: DELETED, last_updated_timestamp_ms: ctx.now() })
      .where('model_id', '=', modelId)
      .execute();
  });
}

export function setLoggedModelTags(
  ctx: StoreContext,
  modelId: string,
  tags: readonly LoggedModelTag[],
): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = withModelTables(tx);
    const row = await loadModelRow(db, modelId, true);
    // A key repeated in one call keeps its last value, as MLflow dedupes before its upsert.
    const latest = new Map(tags.map((t) => [t.key, t.value]));
    if (latest.size === 0) return;
    const rows = [...latest].map(([key, value]) => ({
      model_id: modelId,
      experiment_id: row.experiment_id,
      tag_key: key,
      tag_value: value,
    }));
    const insert = db.insertInto('logged_model_tags').values(rows);
    if (ctx.dialect.upsert === 'on-duplicate-key') {
      await insert.onDuplicateKeyUpdate({ tag_value: sql`VALUES(tag_value)` }).execute();
    } else {
      await insert
        .onConflict((oc) =>
          oc.columns(['model_id', 'tag_key']).doUpdateSet({ tag_value: sql.ref('excluded.tag_value') }),
        )
        .execute();
    }
  });
}

export function deleteLoggedModelTag(ctx: StoreContext, modelId: string, key: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = withModelTables(tx);
    await loadModelRow(db, modelId, true);
    const result = await db
      .deleteFrom('logged_model_tags')
      .where('model_id', '=', modelId)
      .where('tag_key', '=', key)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw MlflowError.notFound(
        `No tag with key ${pyRepr(key)} found for model with ID ${pyRepr(modelId)}.`,
      );
    }
  });
}

export function logLoggedModelParams(
  ctx: StoreContext,
  modelId: string,
  params: readonly LoggedModelParameter[],
): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const db = withModelTables(tx);
    const row = await loadModelRow(db, modelId, true);
    await insertParams(db, ctx, modelId, row.experiment_id, row.experiment_id, params);
  });
}
