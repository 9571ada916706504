// search_logged_models in SQL: attribute/param/tag/latest-metric filters, dataset scoping, ordering, paging.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { LoggedModel, LoggedModelComparison, LoggedModelOrderTerm } from '@mlflow-ts/protocol';
import type {
  LoggedModelDatasetFilter,
  LoggedModelPage,
  SearchLoggedModelsInput,
} from '../../logged-model-store.js';
import { parseStorableExperimentIds } from '../../util/experiment-id.js';
import { compare } from '../comparison.js';
import { inReadTransaction, type StoreContext } from '../context.js';
import { DELETED } from '../view-type.js';
import { toLoggedModels, type LoggedModelRow } from './rows.js';
import { withModelTables } from './tables.js';

type Clause = RawBuilder<SqlBool>;
const NUMERIC_COLUMNS = new Set([
  'creation_timestamp_ms',
  'last_updated_timestamp_ms',
  'status',
  'experiment_id',
]);

/** Metrics on any of the datasets; a null digest must be NULL (MLflow compares with `== None`). */
function datasetsClause(datasets: readonly LoggedModelDatasetFilter[]): Clause | null {
  if (datasets.length === 0) return null;
  const each = datasets.map((d) =>
    d.digest === null
      ? sql<SqlBool>`(m.dataset_name = ${d.name} AND m.dataset_digest IS NULL)`
      : sql<SqlBool>`(m.dataset_name = ${d.name} AND m.dataset_digest = ${d.digest})`,
  );
  return sql<SqlBool>`(${sql.join(each, sql` OR `)})`;
}

/**
 * Each model's latest value of one metric (highest step, then timestamp, then value) among the
 * rows passing `filters`, ranking only models of the searched experiments, as MLflow's subquery.
 */
function latestMetric(
  key: string,
  filters: readonly Clause[],
  experimentIds: readonly number[],
): RawBuilder<unknown> {
  const where = [
    sql<SqlBool>`m.metric_name = ${key}`,
    ...filters,
    sql<SqlBool>`m.model_id IN (SELECT model_id FROM logged_models WHERE experiment_id IN (${sql.join(experimentIds)}))`,
  ];
  return sql`SELECT ranked.model_id, ranked.metric_value FROM (
    SELECT m.model_id, m.metric_value, ROW_NUMBER() OVER (
      PARTITION BY m.model_id, m.metric_name
      ORDER BY m.metric_step DESC, m.metric_timestamp_ms DESC, m.metric_value DESC) AS row_num
    FROM logged_model_metrics m WHERE ${sql.join(where, sql` AND `)}) ranked WHERE ranked.row_num = 1`;
}

function filterClause(
  ctx: StoreContext,
  c: LoggedModelComparison,
  datasets: Clause | null,
  ids: readonly number[],
): Clause {
  const value = c.value as string | number | readonly string[];
  switch (c.type) {
    case 'attributes':
      return compare(ctx.dialect, sql.ref(`lm.${c.key}`), c.comparator, value, !NUMERIC_COLUMNS.has(c.key));
    case 'metrics': {
      const latest = latestMetric(c.key, datasets ? [datasets] : [], ids);
      const test = compare(ctx.dialect, sql.ref('latest.metric_value'), c.comparator, value, false);
      return sql<SqlBool>`lm.model_id IN (SELECT latest.model_id FROM (${latest}) latest WHERE ${test})`;
    }
    case 'params': {
      const test = compare(ctx.dialect, sql.ref('p.param_value'), c.comparator, value, true);
      return sql<SqlBool>`lm.model_id IN (SELECT p.model_id FROM logged_model_params p WHERE p.param_key = ${c.key} AND ${test})`;
    }
    case 'tags': {
      const test = compare(ctx.dialect, sql.ref('t.tag_value'), c.comparator, value, true);
      return sql<SqlBool>`lm.model_id IN (SELECT t.model_id FROM logged_model_tags t WHERE t.tag_key = ${c.key} AND ${test})`;
    }
  }
}

/** NULLs last on every dialect (a CASE first, as MLflow writes it), then the column itself. */
function orderTerms(
  order: readonly LoggedModelOrderTerm[],
  datasets: Clause | null,
  ids: readonly number[],
): { joins: RawBuilder<unknown>[]; terms: RawBuilder<unknown>[] } {
  const joins: RawBuilder<unknown>[] = [];
  const terms: RawBuilder<unknown>[] = [];
  let hasCreation = false;
  let hasModelId = false;
  order.forEach((o, i) => {
    const dir = sql.raw(o.ascending ? 'ASC' : 'DESC');
    if (o.kind === 'attribute') {
      if (o.column === 'creation_timestamp_ms') hasCreation = true;
      if (o.column === 'model_id') hasModelId = true;
      const col = sql.ref(`lm.${o.column}`);
      terms.push(sql`CASE WHEN ${col} IS NULL THEN 1 ELSE 0 END ASC`, sql`${col} ${dir}`);
      return;
    }
    const filters = datasets ? [datasets] : [];
    // Only truthy dataset fields narrow the ranking, as in MLflow's `if dataset_name := …`.
    if (o.datasetName) filters.push(sql<SqlBool>`m.dataset_name = ${o.datasetName}`);
    if (o.datasetDigest) filters.push(sql<SqlBool>`m.dataset_digest = ${o.datasetDigest}`);
    const alias = sql.raw(`ob${i}`);
    joins.push(
      sql`LEFT OUTER JOIN (${latestMetric(o.key, filters, ids)}) ${alias} ON ${alias}.model_id = lm.model_id`,
    );
    const value = sql`${alias}.metric_value`;
    terms.push(sql`CASE WHEN ${value} IS NULL THEN 1 ELSE 0 END ASC`, sql`${value} ${dir}`);
  });
  if (!hasCreation) terms.push(sql`lm.creation_timestamp_ms DESC`);
  if (!hasModelId) terms.push(sql`lm.model_id ASC`);
  return { joins, terms };
}

export function searchLoggedModels(
  ctx: StoreContext,
  input: SearchLoggedModelsInput,
): Promise<LoggedModelPage> {
  const ids = parseStorableExperimentIds(input.experimentIds);
  return inReadTransaction(ctx, async (tx) => {
    if (ids.length === 0) return { items: [], hasMore: false };
    const datasets = datasetsClause(input.datasets);
    const where: Clause[] = [
      sql<SqlBool>`(lm.lifecycle_stage IS NOT NULL AND lm.lifecycle_stage != ${DELETED})`,
      sql<SqlBool>`lm.experiment_id IN (${sql.join(ids)})`,
    ];
    for (const c of input.filter) where.push(filterClause(ctx, c, datasets, ids));
    // Datasets alone keep the models with some metric on them.
    if (datasets && !input.filter.some((c) => c.type === 'metrics')) {
      where.push(
        sql<SqlBool>`lm.model_id IN (SELECT DISTINCT m.model_id FROM logged_model_metrics m WHERE ${datasets})`,
      );
    }
    const { joins, terms } = orderTerms(input.orderBy, datasets, ids);
    // MLflow reads one row past the page; a limit below zero behaves as LIMIT 0 there.
    const limit = Math.max(0, input.maxResults + 1);
    const offset = Math.max(0, input.offset);
    const query = sql<LoggedModelRow>`SELECT lm.* FROM logged_models lm ${sql.join(joins, sql` `)}
      WHERE ${sql.join(where, sql` AND `)} ORDER BY ${sql.join(terms)} LIMIT ${sql.lit(limit)} OFFSET ${sql.lit(offset)}`;
    const rows = (await query.execute(tx)).rows;
    const db = withModelTables(tx);
    const items: LoggedModel[] = await toLoggedModels(db, rows.slice(0, Math.max(0, input.maxResults)));
    return { items, hasMore: rows.length > input.maxResults };
  });
}
