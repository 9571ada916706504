// mlflow-ts extension: moves runs to another experiment in one transaction, dataset links following them.
import { randomUUID } from 'node:crypto';
import { MlflowError, type MoveRunsInput, type RunInfo, type RunTag } from '@mlflow-ts/protocol';
import { inWriteTransaction, type Executor, type StoreContext } from '../context.js';
import { loadExperimentRow, requireActiveExperiment } from '../experiment-rows.js';
import { EDGE } from '../run-inputs.js';
import { requireActiveRun, RUN_NAME_TAG, toRunInfo, type RunRow } from '../run-rows.js';
import { chunks } from '../writes.js';

const uuidHex = (): string => randomUUID().replace(/-/g, '');

/** The runs, locked where the dialect locks rows, so a concurrent write sees them before or after the move. */
async function loadRuns(
  tx: Executor,
  ctx: StoreContext,
  runIds: readonly string[],
): Promise<Map<string, RunRow>> {
  const byId = new Map<string, RunRow>();
  for (const part of chunks(runIds, 500)) {
    let query = tx.selectFrom('runs').selectAll().where('run_uuid', 'in', part);
    if (ctx.dialect.lockRowsForWrite) query = query.forUpdate();
    for (const row of await query.execute()) byId.set(row.run_uuid, row);
  }
  return byId;
}

/**
 * Dataset rows belong to one experiment (search-datasets lists an experiment's own). A moved run's
 * dataset inputs are pointed at the target experiment's row with the same (name, digest), created
 * from the source row when missing; the source rows stay for the runs that did not move.
 */
async function relinkDatasets(tx: Executor, runIds: readonly string[], target: number): Promise<void> {
  for (const part of chunks(runIds, 500)) {
    const edges = await tx
      .selectFrom('inputs')
      .innerJoin('datasets', 'datasets.dataset_uuid', 'inputs.source_id')
      .select([
        'inputs.input_uuid',
        'datasets.experiment_id',
        'datasets.name',
        'datasets.digest',
        'datasets.dataset_source_type',
        'datasets.dataset_source',
        'datasets.dataset_schema',
        'datasets.dataset_profile',
      ])
      .where('inputs.source_type', '=', EDGE.dataset.source)
      .where('inputs.destination_type', '=', EDGE.dataset.destination)
      .where('inputs.destination_id', 'in', part)
      .execute();
    for (const edge of edges) {
      if (edge.experiment_id === target) continue;
      const existing = await tx
        .selectFrom('datasets')
        .select('dataset_uuid')
        .where('experiment_id', '=', target)
        .where('name', '=', edge.name)
        .where('digest', '=', edge.digest)
        .executeTakeFirst();
      let uuid = existing?.dataset_uuid;
      if (uuid === undefined) {
        uuid = uuidHex();
        await tx
          .insertInto('datasets')
          .values({
            dataset_uuid: uuid,
            experiment_id: target,
            name: edge.name,
            digest: edge.digest,
            dataset_source_type: edge.dataset_source_type,
            dataset_source: edge.dataset_source,
            dataset_schema: edge.dataset_schema,
            dataset_profile: edge.dataset_profile,
          })
          .execute();
      }
      await tx
        .updateTable('inputs')
        .set({ source_id: uuid })
        .where('input_uuid', '=', edge.input_uuid)
        .execute();
    }
  }
}

async function runNameTags(tx: Executor, runIds: readonly string[]): Promise<Map<string, RunTag[]>> {
  const byRun = new Map<string, RunTag[]>();
  for (const part of chunks(runIds, 500)) {
    const rows = await tx
      .selectFrom('tags')
      .select(['run_uuid', 'key', 'value'])
      .where('run_uuid', 'in', part)
      .where('key', '=', RUN_NAME_TAG)
      .execute();
    for (const r of rows) byRun.set(r.run_uuid, [{ key: r.key, value: r.value ?? undefined }]);
  }
  return byRun;
}

/**
 * Checks everything first (target exists and is active; every run exists and is active), then
 * moves: any failure throws inside the transaction, so either every run moves or none does.
 * `artifact_uri` is left as it is: it is absolute, so the files stay reachable where they are.
 */
export function moveRuns(ctx: StoreContext, input: MoveRunsInput): Promise<RunInfo[]> {
  return inWriteTransaction(ctx, async (tx) => {
    const target = await loadExperimentRow(tx, input.experimentId, 'ALL');
    requireActiveExperiment(target);
    const rows = await loadRuns(tx, ctx, input.runIds);
    for (const runId of input.runIds) {
      const row = rows.get(runId);
      if (!row) throw MlflowError.notFound(`Run with id=${runId} not found`);
      requireActiveRun(row);
    }
    const moving = input.runIds.filter((id) => rows.get(id)?.experiment_id !== target.experiment_id);
    for (const part of chunks(moving, 500)) {
      await tx
        .updateTable('runs')
        .set({ experiment_id: target.experiment_id })
        .where('run_uuid', 'in', part)
        .execute();
    }
    await relinkDatasets(tx, moving, target.experiment_id);
    const names = await runNameTags(tx, input.runIds);
    return input.runIds.map((id) => {
      const row = rows.get(id) as RunRow;
      return toRunInfo({ ...row, experiment_id: target.experiment_id }, names.get(id) ?? []);
    });
  });
}
