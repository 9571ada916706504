// Reading logged-model rows with their tags, params and metrics, and turning them into wire entities.
import type { Selectable } from 'kysely';
import {
  MlflowError,
  loggedModelStatusFromInt,
  type LoggedModel,
  type LoggedModelInfo,
  type Metric,
} from '@mlflow-ts/protocol';
import { chunks } from '../writes.js';
import { DELETED } from '../view-type.js';
import type { LoggedModelDb, LoggedModelsTable } from './tables.js';

export type LoggedModelRow = Selectable<LoggedModelsTable>;

export function modelNotFound(modelId: string): MlflowError {
  return MlflowError.notFound(`Logged model with ID '${modelId}' not found.`);
}

/** The model's row; deleted models count only when `allowDeleted` (MLflow's writes all allow them). */
export async function loadModelRow(
  db: LoggedModelDb,
  modelId: string,
  allowDeleted: boolean,
): Promise<LoggedModelRow> {
  let query = db.selectFrom('logged_models').selectAll().where('model_id', '=', modelId);
  // MLflow tests `lifecycle_stage != 'deleted'`, which a NULL stage does not pass either.
  if (!allowDeleted) query = query.where('lifecycle_stage', '!=', DELETED);
  const row = await query.executeTakeFirst();
  if (!row) throw modelNotFound(modelId);
  return row;
}

interface Children {
  tags: Map<string, { key: string; value: string }[]>;
  params: Map<string, { key: string; value: string }[]>;
  metrics: Map<string, Metric[]>;
}

function push<T>(map: Map<string, T[]>, id: string, item: T): void {
  const list = map.get(id);
  if (list) list.push(item);
  else map.set(id, [item]);
}

/** Tags and params in key order, metrics in primary-key order: the order MLflow's lookups return. */
async function loadChildren(db: LoggedModelDb, ids: readonly string[]): Promise<Children> {
  const out: Children = { tags: new Map(), params: new Map(), metrics: new Map() };
  for (const part of chunks(ids, 500)) {
    const tags = await db
      .selectFrom('logged_model_tags')
      .select(['model_id', 'tag_key', 'tag_value'])
      .where('model_id', 'in', part)
      .orderBy('model_id')
      .orderBy('tag_key')
      .execute();
    for (const t of tags) push(out.tags, t.model_id, { key: t.tag_key, value: t.tag_value });
    const params = await db
      .selectFrom('logged_model_params')
      .select(['model_id', 'param_key', 'param_value'])
      .where('model_id', 'in', part)
      .orderBy('model_id')
      .orderBy('param_key')
      .execute();
    for (const p of params) push(out.params, p.model_id, { key: p.param_key, value: p.param_value });
    const metrics = await db
      .selectFrom('logged_model_metrics')
      .selectAll()
      .where('model_id', 'in', part)
      .orderBy('model_id')
      .orderBy('metric_name')
      .orderBy('metric_timestamp_ms')
      .orderBy('metric_step')
      .orderBy('run_id')
      .execute();
    for (const m of metrics) {
      const metric: Metric = {
        key: m.metric_name,
        value: m.metric_value ?? Number.NaN,
        timestamp: Number(m.metric_timestamp_ms),
        step: Number(m.metric_step),
      };
      // Metric.to_proto sets these only when truthy.
      if (m.dataset_name) metric.dataset_name = m.dataset_name;
      if (m.dataset_digest) metric.dataset_digest = m.dataset_digest;
      metric.model_id = m.model_id;
      metric.run_id = m.run_id;
      push(out.metrics, m.model_id, metric);
    }
  }
  return out;
}

function toInfo(row: LoggedModelRow, tags: LoggedModelInfo['tags']): LoggedModelInfo {
  const status = loggedModelStatusFromInt(Number(row.status));
  if (status === undefined) throw MlflowError.invalidParameter(`Unknown model status: ${row.status}`);
  const info: LoggedModelInfo = {
    model_id: row.model_id,
    experiment_id: String(row.experiment_id),
    name: row.name,
    creation_timestamp_ms: Number(row.creation_timestamp_ms),
    last_updated_timestamp_ms: Number(row.last_updated_timestamp_ms),
    artifact_uri: row.artifact_location,
    status,
  };
  if (row.model_type !== null) info.model_type = row.model_type;
  if (row.source_run_id !== null) info.source_run_id = row.source_run_id;
  if (row.status_message !== null) info.status_message = row.status_message;
  if (tags && tags.length > 0) info.tags = tags;
  return info;
}

/** Rows as entities, in the rows' order. */
export async function toLoggedModels(
  db: LoggedModelDb,
  rows: readonly LoggedModelRow[],
): Promise<LoggedModel[]> {
  const children = await loadChildren(
    db,
    rows.map((r) => r.model_id),
  );
  return rows.map((row) => {
    const data: LoggedModel['data'] = {};
    const params = children.params.get(row.model_id);
    const metrics = children.metrics.get(row.model_id);
    if (params) data.params = params;
    if (metrics) data.metrics = metrics;
    return { info: toInfo(row, children.tags.get(row.model_id)), data };
  });
}
