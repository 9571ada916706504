// search-experiments: the filter AST and order_by as SQL, view type, and paging one row ahead.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import {
  MlflowError,
  decodePageToken,
  encodePageToken,
  pyStr,
  type Comparison,
  type Experiment,
  type OrderBy,
} from '@mlflow-ts/protocol';
import type { Page, SearchExperimentsInput } from '../tracking-store.js';
import { isStorableExperimentId, parseExperimentId } from '../util/experiment-id.js';
import { compare, presenceClause } from './comparison.js';
import { inReadTransaction, type StoreContext } from './context.js';
import { toExperiments } from './experiment-rows.js';
import { validateMaxResults } from './max-results.js';
import { stagesFor } from './view-type.js';

const STRING_COMPARATORS = new Set(['=', '!=', 'LIKE', 'ILIKE']);
const NUMERIC_COMPARATORS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const ID_COMPARATORS = new Set(['=', '!=', 'IN', 'NOT IN']);
const NUMERIC_ATTRIBUTES = new Set(['creation_time', 'last_update_time']);
const ORDERABLE = new Set(['name', 'experiment_id', 'creation_time', 'last_update_time']);

function numericValue(key: string, value: Comparison['value']): number {
  const text = String(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
  throw MlflowError.invalidParameter(`Invalid value for numeric attribute '${key}': ${pyStr(text)}`);
}

function attributeClause(ctx: StoreContext, c: Comparison): RawBuilder<SqlBool> {
  const column = sql.ref(`experiments.${c.key}`);
  if (c.key === 'experiment_id') {
    if (!ID_COMPARATORS.has(c.comparator)) {
      throw MlflowError.invalidParameter(`Invalid comparator for experiment_id: ${c.comparator}`);
    }
    if (Array.isArray(c.value)) {
      const ids = c.value.map(parseExperimentId).filter(isStorableExperimentId);
      return compare(ctx.dialect, column, c.comparator, ids as never, false);
    }
    const id = parseExperimentId(String(c.value));
    if (isStorableExperimentId(id)) return compare(ctx.dialect, column, c.comparator, id, false);
    // An id no experiment can have: `=` matches nothing, `!=` everything (as an empty IN / NOT IN).
    return compare(ctx.dialect, column, c.comparator === '=' ? 'IN' : 'NOT IN', [] as never, false);
  }
  if (NUMERIC_ATTRIBUTES.has(c.key)) {
    if (!NUMERIC_COMPARATORS.has(c.comparator)) {
      throw MlflowError.invalidParameter(`Invalid comparator for numeric attribute: ${c.comparator}`);
    }
    return compare(ctx.dialect, column, c.comparator, numericValue(c.key, c.value), false);
  }
  if (c.key === 'name') {
    if (!STRING_COMPARATORS.has(c.comparator)) {
      throw MlflowError.invalidParameter(`Invalid comparator for string attribute: ${c.comparator}`);
    }
    return compare(ctx.dialect, column, c.comparator, c.value, true);
  }
  throw MlflowError.invalidParameter(
    `Invalid attribute key '${c.key}' specified. Valid keys are '{'name', 'creation_time', 'last_update_time', 'experiment_id'}'`,
  );
}

function tagClause(ctx: StoreContext, c: Comparison): RawBuilder<SqlBool> {
  const keyTest = compare(ctx.dialect, sql.ref('t.key'), '=', c.key, true);
  const rowsWithKey = sql`SELECT 1 FROM experiment_tags t WHERE t.experiment_id = experiments.experiment_id AND ${keyTest}`;
  const nullCheck = presenceClause(c, rowsWithKey);
  if (nullCheck) return nullCheck;
  if (!STRING_COMPARATORS.has(c.comparator))
    throw MlflowError.invalidParameter(`Invalid comparator for tag: ${c.comparator}`);
  const valueTest = compare(ctx.dialect, sql.ref('t.value'), c.comparator, c.value, true);
  return sql<SqlBool>`EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = experiments.experiment_id AND ${keyTest} AND ${valueTest})`;
}

function filterClause(ctx: StoreContext, c: Comparison): RawBuilder<SqlBool> {
  if (c.type === 'attribute') return attributeClause(ctx, c);
  if (c.type === 'tag') return tagClause(ctx, c);
  throw MlflowError.invalidParameter(`Invalid token type: ${c.type}`);
}

/** Newest first by default; experiment_id breaks ties (descending when the caller did not order by it). */
function orderTerms(orderBy: readonly OrderBy[]): Array<[string, 'asc' | 'desc']> {
  const requested: readonly OrderBy[] =
    orderBy.length > 0
      ? orderBy
      : [
          { type: 'attribute', key: 'creation_time', ascending: false },
          { type: 'attribute', key: 'experiment_id', ascending: true },
        ];
  const terms = requested.map((o): [string, 'asc' | 'desc'] => {
    if (o.type !== 'attribute') throw MlflowError.invalidParameter(`Invalid order_by entity: ${o.type}`);
    if (!ORDERABLE.has(o.key)) throw MlflowError.invalidParameter(`Invalid order_by key: ${o.key}`);
    return [o.key, o.ascending ? 'asc' : 'desc'];
  });
  if (!terms.some(([key]) => key === 'experiment_id')) terms.push(['experiment_id', 'desc']);
  return terms;
}

export function searchExperiments(
  ctx: StoreContext,
  input: SearchExperimentsInput,
): Promise<Page<Experiment>> {
  validateMaxResults(input.maxResults);
  const offset = decodePageToken(input.pageToken);
  const clauses = input.filter.map((c) => filterClause(ctx, c));
  const terms = orderTerms(input.orderBy);
  return inReadTransaction(ctx, async (tx) => {
    let query = tx
      .selectFrom('experiments')
      .selectAll()
      .where('lifecycle_stage', 'in', stagesFor(input.viewType));
    for (const clause of clauses) query = query.where(clause);
    for (const [key, direction] of terms) query = query.orderBy(sql.ref(`experiments.${key}`), direction);
    // One row more than asked tells whether another page exists.
    const rows = await query
      .limit(input.maxResults + 1)
      .offset(offset)
      .execute();
    const items = await toExperiments(tx, rows.slice(0, input.maxResults));
    const page: Page<Experiment> = { items };
    if (rows.length > input.maxResults) page.nextPageToken = encodePageToken(offset + input.maxResults);
    return page;
  });
}
