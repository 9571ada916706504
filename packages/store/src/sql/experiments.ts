// Experiment create, read, delete/restore and rename, with MLflow's SqlAlchemyStore rules.
import { ErrorCode, MlflowError, type Experiment } from '@mlflow-ts/protocol';
import type { CreateExperimentInput } from '../tracking-store.js';
import { appendToUriPath, resolveUriIfLocal } from '../util/uri-path.js';
import { inReadTransaction, inWriteTransaction, type Executor, type StoreContext } from './context.js';
import { loadExperimentRow, toExperiments } from './experiment-rows.js';
import { setRunsLifecycle } from './run-lifecycle.js';
import { ACTIVE, DELETED } from './view-type.js';

const WORKSPACE = 'default';

/** Later duplicates of a key win, instead of failing on the primary key as MLflow would. */
function lastValuePerKey<T extends { key: string }>(tags: readonly T[]): T[] {
  return [...new Map(tags.map((t) => [t.key, t])).values()];
}

async function insertExperiment(
  tx: Executor,
  ctx: StoreContext,
  name: string,
  location: string | null,
  now: number,
): Promise<number> {
  const row = {
    name,
    workspace: WORKSPACE,
    artifact_location: location,
    lifecycle_stage: ACTIVE,
    creation_time: now,
    last_update_time: now,
  };
  try {
    const query = tx.insertInto('experiments').values(row);
    if (ctx.dialect.supportsReturning)
      return (await query.returning('experiment_id').executeTakeFirstOrThrow()).experiment_id;
    return Number((await query.executeTakeFirstOrThrow()).insertId);
  } catch (error) {
    if (ctx.dialect.classifyError(error) !== 'unique-violation') throw error;
    const statement =
      'INSERT INTO experiments (name, workspace, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (?, ?, ?, ?, ?, ?)';
    const detail = ctx.dialect.integrityErrorText(error, statement, [
      name,
      WORKSPACE,
      location,
      ACTIVE,
      now,
      now,
    ]);
    throw MlflowError.alreadyExists(`Experiment(name=${name}) already exists. Error: ${detail}`);
  }
}

export async function createExperiment(ctx: StoreContext, input: CreateExperimentInput): Promise<string> {
  const location = input.artifactLocation ? resolveUriIfLocal(input.artifactLocation) : null;
  return inWriteTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const id = await insertExperiment(tx, ctx, input.name, location, now);
    if (location === null) {
      // The default location needs the id the database just assigned.
      const artifactLocation = appendToUriPath(ctx.artifactRoot, String(id));
      await tx
        .updateTable('experiments')
        .set({ artifact_location: artifactLocation })
        .where('experiment_id', '=', id)
        .execute();
    }
    const tags = lastValuePerKey(input.tags ?? []);
    if (tags.length > 0) {
      await tx
        .insertInto('experiment_tags')
        .values(tags.map((t) => ({ experiment_id: id, key: t.key, value: t.value ?? null })))
        .execute();
    }
    return String(id);
  });
}

/** Inserts experiment 0 "Default" with an explicit id, as MLflow does on a new database. */
export async function createDefaultExperiment(tx: Executor, ctx: StoreContext): Promise<void> {
  const now = ctx.now();
  await tx
    .insertInto('experiments')
    .values({
      experiment_id: 0,
      name: 'Default',
      artifact_location: appendToUriPath(ctx.artifactRoot, '0'),
      lifecycle_stage: ACTIVE,
      creation_time: now,
      last_update_time: now,
      workspace: WORKSPACE,
    })
    .execute();
}

export function getExperiment(ctx: StoreContext, experimentId: string): Promise<Experiment> {
  return inReadTransaction(ctx, async (tx) => {
    const row = await loadExperimentRow(tx, experimentId, 'ALL');
    const [experiment] = await toExperiments(tx, [row]);
    return experiment as Experiment;
  });
}

export function getExperimentByName(ctx: StoreContext, name: string): Promise<Experiment | null> {
  return inReadTransaction(ctx, async (tx) => {
    const row = await tx.selectFrom('experiments').selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) return null;
    const [experiment] = await toExperiments(tx, [row]);
    return experiment ?? null;
  });
}

export function deleteExperiment(ctx: StoreContext, experimentId: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const row = await loadExperimentRow(tx, experimentId, 'ACTIVE_ONLY');
    const now = ctx.now();
    await tx
      .updateTable('experiments')
      .set({ lifecycle_stage: DELETED, last_update_time: now })
      .where('experiment_id', '=', row.experiment_id)
      .execute();
    await setRunsLifecycle(tx, ctx, { experimentId: row.experiment_id }, DELETED);
  });
}

export function restoreExperiment(ctx: StoreContext, experimentId: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const row = await loadExperimentRow(tx, experimentId, 'DELETED_ONLY');
    const now = ctx.now();
    await tx
      .updateTable('experiments')
      .set({ lifecycle_stage: ACTIVE, last_update_time: now })
      .where('experiment_id', '=', row.experiment_id)
      .execute();
    await setRunsLifecycle(tx, ctx, { experimentId: row.experiment_id }, ACTIVE);
  });
}

export function renameExperiment(ctx: StoreContext, experimentId: string, newName: string): Promise<void> {
  return inWriteTransaction(ctx, async (tx) => {
    const row = await loadExperimentRow(tx, experimentId, 'ALL');
    if (row.lifecycle_stage !== ACTIVE)
      throw MlflowError.invalidState('Cannot rename a non-active experiment.');
    const now = ctx.now();
    try {
      await tx
        .updateTable('experiments')
        .set({ name: newName, last_update_time: now })
        .where('experiment_id', '=', row.experiment_id)
        .execute();
    } catch (error) {
      if (ctx.dialect.classifyError(error) !== 'unique-violation') throw error;
      // MLflow lets the IntegrityError through its session wrapper, which makes it BAD_REQUEST.
      const statement =
        'UPDATE experiments SET name=?, last_update_time=? WHERE experiments.experiment_id = ?';
      throw new MlflowError(
        ErrorCode.BAD_REQUEST,
        ctx.dialect.integrityErrorText(error, statement, [newName, now, row.experiment_id]),
      );
    }
  });
}
