// search-runs order_by as SQL: outer joins for metric/param/tag keys, NULLs (and NaN) last, MLflow's tie-breaks.
import { sql, type RawBuilder } from 'kysely';
import { ErrorCode, MlflowError, pyRepr, type OrderBy } from '@mlflow-ts/protocol';
import type { SqlDialect } from '../dialects/dialect.js';
import { NUMERIC_ATTRIBUTES, STRING_ATTRIBUTES, canonicalAttributeKey } from './run-filter.js';
import { dbBool } from './writes.js';

export interface RunOrdering {
  joins: RawBuilder<unknown>[];
  terms: RawBuilder<unknown>[];
}

const JOINED_TABLES: Readonly<Record<string, string>> = {
  metric: 'latest_metrics',
  param: 'params',
  tag: 'tags',
};
const PREFIX: Readonly<Record<string, string>> = {
  metric: 'metrics',
  param: 'params',
  tag: 'tags',
  attribute: 'attributes',
  dataset: 'datasets',
};

/** MLflow prints the order_by list it was given; we rebuild it from the parsed entries. */
function describe(orderBy: readonly OrderBy[]): string {
  return pyRepr(orderBy.map((o) => `${PREFIX[o.type] ?? o.type}.${o.key}${o.ascending ? '' : ' DESC'}`));
}

/**
 * Each requested key sorts first on a presence flag so missing values go last whatever the
 * direction (MySQL has no NULLS LAST); for metrics NaN sorts after numbers and before missing.
 * Without an explicit start_time order, runs come newest first; run_uuid breaks remaining ties.
 */
export function runOrdering(dialect: SqlDialect, orderBy: readonly OrderBy[]): RunOrdering {
  const joins: RawBuilder<unknown>[] = [];
  const terms: RawBuilder<unknown>[] = [];
  const seen = new Set<string>();
  orderBy.forEach((o, index) => {
    const direction = sql.raw(o.ascending ? 'ASC' : 'DESC');
    const key = o.type === 'attribute' ? canonicalAttributeKey(o.key) : o.key;
    let value: RawBuilder<unknown>;
    if (o.type === 'attribute') {
      const column = STRING_ATTRIBUTES[key] ?? NUMERIC_ATTRIBUTES[key];
      if (!column) throw MlflowError.invalidParameter(`Invalid order_by key: ${o.key}`);
      value = sql`${sql.ref(`runs.${column}`)}`;
      terms.push(sql`CASE WHEN ${value} IS NULL THEN 1 ELSE 0 END`);
    } else {
      const table = JOINED_TABLES[o.type];
      if (!table) throw MlflowError.invalidParameter(`Invalid identifier type '${o.type}'`);
      const alias = `order_${index}`;
      joins.push(
        sql`LEFT OUTER JOIN ${sql.table(table)} ${sql.raw(alias)} ON ${sql.ref(`${alias}.run_uuid`)} = runs.run_uuid AND ${sql.ref(`${alias}.key`)} = ${o.key}`,
      );
      value = sql`${sql.ref(`${alias}.value`)}`;
      terms.push(
        o.type === 'metric'
          ? sql`CASE WHEN ${sql.ref(`${alias}.is_nan`)} = ${dbBool(dialect, true)} THEN 1 WHEN ${value} IS NULL THEN 2 ELSE 0 END`
          : sql`CASE WHEN ${value} IS NULL THEN 1 ELSE 0 END`,
      );
    }
    const id = `${o.type}\u0000${key}`;
    if (seen.has(id)) {
      throw new MlflowError(
        ErrorCode.INTERNAL_ERROR,
        `\`order_by\` contains duplicate fields: ${describe(orderBy)}`,
      );
    }
    seen.add(id);
    terms.push(sql`${value} ${direction}`);
  });
  if (!seen.has('attribute\u0000start_time')) terms.push(sql`runs.start_time DESC`);
  terms.push(sql`runs.run_uuid`);
  return { joins, terms };
}
