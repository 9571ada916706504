// One search comparison as SQL: case-sensitive = / LIKE, case-insensitive ILIKE, IN lists, per dialect.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { MlflowError, type Comparator, type Comparison } from '@mlflow-ts/protocol';
import type { SqlDialect } from '../dialects/dialect.js';

type Operand = Expression<unknown>;

const ALWAYS_FALSE = sql<SqlBool>`1 = 0`;
const ALWAYS_TRUE = sql<SqlBool>`1 = 1`;

function plain(column: Operand, op: string, value: unknown): RawBuilder<SqlBool> {
  return sql<SqlBool>`${column} ${sql.raw(op)} ${value}`;
}

function inList(
  column: Operand,
  values: readonly unknown[],
  negate: boolean,
  binary: boolean,
): RawBuilder<SqlBool> {
  // SQLAlchemy renders an empty IN as false and an empty NOT IN as true.
  if (values.length === 0) return negate ? ALWAYS_TRUE : ALWAYS_FALSE;
  const target = binary ? sql`BINARY ${column}` : column;
  return sql<SqlBool>`${target} ${sql.raw(negate ? 'NOT IN' : 'IN')} (${sql.join(values.map((v) => sql`${v}`))})`;
}

/**
 * On databases whose collations ignore case, MLflow pairs the plain test (index-friendly) with a
 * BINARY one; we do the same so results match SQLite and PostgreSQL.
 */
function binaryString(column: Operand, op: string, value: unknown): RawBuilder<SqlBool> {
  if (op === '!=') return sql<SqlBool>`(${column} != ${value} OR BINARY ${column} != ${value})`;
  return sql<SqlBool>`(${column} ${sql.raw(op)} ${value} AND BINARY ${column} ${sql.raw(op)} ${value})`;
}

/**
 * `column <comparator> value` with MLflow's semantics: string `=`/`!=`/`LIKE` are
 * case-sensitive, `ILIKE` is not, `%` and `_` are the only wildcards (no escape character).
 * `isString` says whether the column holds text (only text gets the binary treatment).
 */
export function compare(
  dialect: SqlDialect,
  column: Operand,
  comparator: Comparator,
  value: string | number | readonly string[],
  isString: boolean,
): RawBuilder<SqlBool> {
  const binary = isString && dialect.caseSensitiveComparison === 'binary';
  if (comparator === 'IN' || comparator === 'NOT IN') {
    const values = Array.isArray(value) ? value : [value];
    return inList(column, values, comparator === 'NOT IN', binary);
  }
  if (Array.isArray(value)) {
    throw MlflowError.invalidParameter(`Comparator '${comparator}' does not take a list of values`);
  }
  if (comparator === 'ILIKE') {
    if (dialect.ilike === 'native') return plain(column, 'ILIKE', value);
    return sql<SqlBool>`lower(${column}) LIKE lower(${value})`;
  }
  if (binary && (comparator === '=' || comparator === '!=' || comparator === 'LIKE')) {
    return binaryString(column, comparator, value);
  }
  return plain(column, comparator, value);
}

/**
 * `IS NULL` / `IS NOT NULL` (MLflow 3.x) ask whether the key was logged at all: no row with
 * that key, or some row with it. Returns null for every other comparator.
 */
export function presenceClause(c: Comparison, rowsWithKey: RawBuilder<unknown>): RawBuilder<SqlBool> | null {
  if (c.comparator === 'IS NULL') return sql<SqlBool>`NOT EXISTS (${rowsWithKey})`;
  if (c.comparator === 'IS NOT NULL') return sql<SqlBool>`EXISTS (${rowsWithKey})`;
  return null;
}
