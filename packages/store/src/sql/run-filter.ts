// search-runs filter clauses as SQL conditions on `runs`: attributes, metrics, params, tags, datasets.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { MlflowError, type Comparison } from '@mlflow-ts/protocol';
import type { SqlDialect } from '../dialects/dialect.js';
import { compare, presenceClause } from './comparison.js';
import { DATASET_CONTEXT_TAG } from './datasets.js';
import { RUN_NAME_TAG } from './run-rows.js';
import { dbBool } from './writes.js';

/** Searchable run attributes and the runs column each lives in. */
export const STRING_ATTRIBUTES: Readonly<Record<string, string>> = {
  run_id: 'run_uuid',
  run_name: 'name',
  status: 'status',
  user_id: 'user_id',
  artifact_uri: 'artifact_uri',
};
export const NUMERIC_ATTRIBUTES: Readonly<Record<string, string>> = {
  start_time: 'start_time',
  end_time: 'end_time',
};

/** The parser resolves these already; kept so hand-built filters behave like MLflow's. */
export function canonicalAttributeKey(key: string): string {
  if (key === 'created' || key === 'Created') return 'start_time';
  if (key === 'run name' || key === 'Run name' || key === 'Run Name') return 'run_name';
  return key;
}

const NUMERIC_COMPARATORS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const STRING_COMPARATORS = new Set(['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN']);
const KEY_VALUE_COMPARATORS = new Set(['=', '!=', 'LIKE', 'ILIKE']);

function invalid(c: Comparison): MlflowError {
  return MlflowError.invalidParameter(`Invalid search expression type '${c.type}'`);
}

function attributeClause(dialect: SqlDialect, c: Comparison): RawBuilder<SqlBool> {
  const key = canonicalAttributeKey(c.key);
  // MLflow ≤ 1.29 left runs.name empty, so run_name is matched on the mlflow.runName tag.
  if (key === 'run_name' && STRING_COMPARATORS.has(c.comparator)) {
    return keyValueExists(dialect, 'tags', { ...c, key: RUN_NAME_TAG }, STRING_COMPARATORS);
  }
  const stringColumn = STRING_ATTRIBUTES[key];
  if (stringColumn && STRING_COMPARATORS.has(c.comparator)) {
    return compare(dialect, sql.ref(`runs.${stringColumn}`), c.comparator, c.value, true);
  }
  const numericColumn = NUMERIC_ATTRIBUTES[key];
  if (numericColumn && NUMERIC_COMPARATORS.has(c.comparator)) {
    return compare(dialect, sql.ref(`runs.${numericColumn}`), c.comparator, Number(c.value), false);
  }
  throw invalid(c);
}

/** EXISTS a params/tags row of the run with this key whose value passes the comparison. */
function keyValueExists(
  dialect: SqlDialect,
  table: 'params' | 'tags',
  c: Comparison,
  allowed: ReadonlySet<string> = KEY_VALUE_COMPARATORS,
): RawBuilder<SqlBool> {
  const keyTest = compare(dialect, sql.ref('kv.key'), '=', c.key, true);
  const nullCheck = presenceClause(
    c,
    sql`SELECT 1 FROM ${sql.table(table)} kv WHERE kv.run_uuid = runs.run_uuid AND ${keyTest}`,
  );
  if (nullCheck) return nullCheck;
  if (!allowed.has(c.comparator)) throw invalid(c);
  const valueTest = compare(dialect, sql.ref('kv.value'), c.comparator, c.value, true);
  return sql<SqlBool>`EXISTS (SELECT 1 FROM ${sql.table(table)} kv WHERE kv.run_uuid = runs.run_uuid AND ${keyTest} AND ${valueTest})`;
}

/**
 * Compares the latest value. NaN is stored as 0 with is_nan set: it never satisfies a
 * comparison except `!=`, which it always satisfies (MLflow 3.18's rule).
 */
function metricClause(dialect: SqlDialect, c: Comparison): RawBuilder<SqlBool> {
  if (!NUMERIC_COMPARATORS.has(c.comparator)) throw invalid(c);
  const keyTest = compare(dialect, sql.ref('m.key'), '=', c.key, true);
  // Unary plus: SQLite must find the row by (key, run_uuid), never range-scan a value index
  // (mlflow_ts_latest_metrics_key_value) for it, which it may otherwise pick for an EXISTS.
  const valueTest = compare(dialect, sql`+m.value`, c.comparator, Number(c.value), false);
  const nanRule =
    c.comparator === '!='
      ? sql<SqlBool>`(${valueTest} OR m.is_nan = ${dbBool(dialect, true)})`
      : sql<SqlBool>`(${valueTest} AND m.is_nan = ${dbBool(dialect, false)})`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = runs.run_uuid AND ${keyTest} AND ${nanRule})`;
}

/** Each dataset clause is its own EXISTS: different clauses may be met by different datasets. */
function datasetClause(dialect: SqlDialect, c: Comparison): RawBuilder<SqlBool> {
  if (!STRING_COMPARATORS.has(c.comparator)) throw invalid(c);
  const link = sql`FROM datasets d JOIN inputs i ON i.source_id = d.dataset_uuid`;
  if (c.key === 'context') {
    const valueTest = compare(dialect, sql.ref('it.value'), c.comparator, c.value, true);
    return sql<SqlBool>`EXISTS (SELECT 1 ${link} JOIN input_tags it ON it.input_uuid = i.input_uuid AND it.name = ${DATASET_CONTEXT_TAG} AND ${valueTest} WHERE i.destination_id = runs.run_uuid)`;
  }
  if (c.key !== 'name' && c.key !== 'digest') throw invalid(c);
  const valueTest = compare(dialect, sql.ref(`d.${c.key}`), c.comparator, c.value, true);
  return sql<SqlBool>`EXISTS (SELECT 1 ${link} WHERE i.destination_id = runs.run_uuid AND ${valueTest})`;
}

export function runFilterClause(dialect: SqlDialect, c: Comparison): RawBuilder<SqlBool> {
  switch (c.type) {
    case 'attribute':
      return attributeClause(dialect, c);
    case 'metric':
      return metricClause(dialect, c);
    case 'param':
      return keyValueExists(dialect, 'params', c);
    case 'tag':
      return keyValueExists(dialect, 'tags', c);
    case 'dataset':
      return datasetClause(dialect, c);
    default:
      throw invalid(c);
  }
}
