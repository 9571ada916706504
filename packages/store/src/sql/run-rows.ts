// Loading a run row, turning it into RunInfo, and the run state check every write makes.
import type { Selectable } from 'kysely';
import { MlflowError, type RunInfo, type RunStatus, type RunTag } from '@mlflow-ts/protocol';
import type { Executor, StoreContext } from './context.js';
import type { RunsTable } from './tables.js';
import { ACTIVE } from './view-type.js';

export type RunRow = Selectable<RunsTable>;

/** The tag that mirrors a run's name. */
export const RUN_NAME_TAG = 'mlflow.runName';

export async function loadRunRow(tx: Executor, runId: string): Promise<RunRow> {
  const row = await tx.selectFrom('runs').selectAll().where('run_uuid', '=', runId).executeTakeFirst();
  if (!row) throw MlflowError.notFound(`Run with id=${runId} not found`);
  return row;
}

export function requireActiveRun(row: RunRow): void {
  if (row.lifecycle_stage !== ACTIVE) {
    throw MlflowError.invalidParameter(
      `The run ${row.run_uuid} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`,
    );
  }
}

/** An active run, or MLflow's not-found / not-active error: the guard of every logging call. */
export async function loadActiveRun(tx: Executor, runId: string): Promise<RunRow> {
  const row = await loadRunRow(tx, runId);
  requireActiveRun(row);
  return row;
}

/**
 * The run row for a write, locked until the transaction ends where the dialect locks rows, so
 * writes to one run take turns (and read the latest metrics their predecessor committed).
 */
export async function loadActiveRunForWrite(tx: Executor, ctx: StoreContext, runId: string): Promise<RunRow> {
  if (!ctx.dialect.lockRowsForWrite) return loadActiveRun(tx, runId);
  const row = await tx
    .selectFrom('runs')
    .selectAll()
    .where('run_uuid', '=', runId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw MlflowError.notFound(`Run with id=${runId} not found`);
  requireActiveRun(row);
  return row;
}

/**
 * Runs written by MLflow ≤ 1.29 have no `name` column value; their name is the
 * `mlflow.runName` tag, which MLflow falls back to when reading.
 */
export function toRunInfo(row: RunRow, tags: readonly RunTag[]): RunInfo {
  const info: RunInfo = {
    run_id: row.run_uuid,
    run_uuid: row.run_uuid,
    experiment_id: String(row.experiment_id),
    status: (row.status ?? 'RUNNING') as RunStatus,
    lifecycle_stage: row.lifecycle_stage ?? ACTIVE,
  };
  const name = row.name || tags.find((t) => t.key === RUN_NAME_TAG)?.value;
  if (name) info.run_name = name;
  if (row.user_id !== null) info.user_id = row.user_id;
  if (row.start_time !== null) info.start_time = row.start_time;
  if (row.end_time !== null) info.end_time = row.end_time;
  if (row.artifact_uri !== null) info.artifact_uri = row.artifact_uri;
  return info;
}
