// Loading experiment rows and tags, turning them into wire entities, and the experiment state checks.
import type { Selectable } from 'kysely';
import { MlflowError, type Experiment, type ExperimentTag, type ViewType } from '@mlflow-ts/protocol';
import { isStorableExperimentId, parseExperimentId } from '../util/experiment-id.js';
import type { Executor } from './context.js';
import type { ExperimentsTable } from './tables.js';
import { ACTIVE, stagesFor } from './view-type.js';
import { chunks } from './writes.js';

export type ExperimentRow = Selectable<ExperimentsTable>;

/** MLflow's id of the experiment every store starts with. */
export const DEFAULT_EXPERIMENT_ID = '0';

/**
 * The experiment with this id in one of the view's stages. An empty id means the default
 * experiment, as in MLflow's `_get_experiment`.
 */
export async function loadExperimentRow(
  tx: Executor,
  experimentId: string,
  viewType: ViewType,
): Promise<ExperimentRow> {
  const id = parseExperimentId(experimentId || DEFAULT_EXPERIMENT_ID);
  if (!isStorableExperimentId(id)) throw MlflowError.notFound(`No Experiment with id=${id} exists`);
  const row = await tx
    .selectFrom('experiments')
    .selectAll()
    .where('experiment_id', '=', id)
    .where('lifecycle_stage', 'in', stagesFor(viewType))
    .executeTakeFirst();
  if (!row) throw MlflowError.notFound(`No Experiment with id=${id} exists`);
  return row;
}

export async function loadExperimentTags(
  tx: Executor,
  ids: readonly number[],
): Promise<Map<number, ExperimentTag[]>> {
  const byId = new Map<number, ExperimentTag[]>(ids.map((id) => [id, []]));
  for (const part of chunks(ids, 1000)) {
    const rows = await tx
      .selectFrom('experiment_tags')
      .selectAll()
      .where('experiment_id', 'in', part)
      .execute();
    for (const row of rows) {
      const tag: ExperimentTag = { key: row.key };
      if (row.value !== null) tag.value = row.value;
      byId.get(row.experiment_id)?.push(tag);
    }
  }
  return byId;
}

export function toExperiment(row: ExperimentRow, tags: ExperimentTag[]): Experiment {
  const experiment: Experiment = {
    experiment_id: String(row.experiment_id),
    name: row.name,
    lifecycle_stage: row.lifecycle_stage ?? ACTIVE,
    tags,
  };
  if (row.artifact_location !== null) experiment.artifact_location = row.artifact_location;
  if (row.creation_time !== null) experiment.creation_time = row.creation_time;
  if (row.last_update_time !== null) experiment.last_update_time = row.last_update_time;
  // MLflow 3.18 reports the row's workspace on every experiment ('default' without workspaces).
  experiment.workspace = row.workspace;
  return experiment;
}

/** Rows plus their tags, as entities, in the rows' order. */
export async function toExperiments(tx: Executor, rows: readonly ExperimentRow[]): Promise<Experiment[]> {
  const tags = await loadExperimentTags(
    tx,
    rows.map((r) => r.experiment_id),
  );
  return rows.map((row) => toExperiment(row, tags.get(row.experiment_id) ?? []));
}

export function requireActiveExperiment(row: ExperimentRow): void {
  if (row.lifecycle_stage !== ACTIVE) {
    throw MlflowError.invalidParameter(
      `The experiment ${row.experiment_id} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`,
    );
  }
}
