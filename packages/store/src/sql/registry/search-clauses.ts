// Registry search filters as SQL: attribute comparisons, per-key tag tests and the prompt exclusion.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { MlflowError, type Comparison, type Filter } from '@mlflow-ts/protocol';
import { compare } from '../comparison.js';
import type { StoreContext } from '../context.js';
import { IS_PROMPT_TAG_KEY, isQueryingPrompts } from './prompts.js';

export interface SearchTarget {
  /** The searched table (`registered_models` or `model_versions`). */
  table: 'registered_models' | 'model_versions';
  tagTable: 'registered_model_tags' | 'model_version_tags';
  /** Attribute key of the filter → column, with whether it holds text. */
  columns: Readonly<Record<string, { column: string; text: boolean }>>;
}

function ownRows(target: SearchTarget, alias: string): RawBuilder<unknown> {
  const t = target.table;
  const sameVersion =
    target.table === 'model_versions'
      ? sql` AND ${sql.ref(`${alias}.version`)} = ${sql.ref(`${t}.version`)}`
      : sql``;
  return sql`${sql.ref(`${alias}.workspace`)} = ${sql.ref(`${t}.workspace`)} AND ${sql.ref(`${alias}.name`)} = ${sql.ref(`${t}.name`)}${sameVersion}`;
}

/**
 * MLflow gathers the clauses of one tag key into one test of a single tag row, and asks that every
 * tag key tested have such a row. Clauses on the prompt tag are dropped unless prompts are asked for.
 */
function tagClauses(
  ctx: StoreContext,
  target: SearchTarget,
  tags: readonly Comparison[],
): RawBuilder<SqlBool>[] {
  const byKey = new Map<string, Comparison[]>();
  for (const c of tags) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  return [...byKey.entries()].map(([key, clauses]) => {
    const tests = [
      compare(ctx.dialect, sql.ref('t.key'), '=', key, true),
      ...clauses.map((c) => compare(ctx.dialect, sql.ref('t.value'), c.comparator, c.value, true)),
    ];
    return sql<SqlBool>`EXISTS (SELECT 1 FROM ${sql.table(target.tagTable)} t WHERE ${ownRows(target, 't')} AND ${sql.join(tests, sql` AND `)})`;
  });
}

/** Rows of models marked as prompts (on any of their rows of the tag table) are left out. */
function excludePrompts(ctx: StoreContext, target: SearchTarget): RawBuilder<SqlBool> {
  const t = target.table;
  const keyTest = compare(ctx.dialect, sql.ref('p.key'), '=', IS_PROMPT_TAG_KEY, true);
  const valueTest = compare(ctx.dialect, sql.ref('p.value'), '=', 'true', true);
  return sql<SqlBool>`NOT EXISTS (SELECT 1 FROM ${sql.table(target.tagTable)} p WHERE ${sql.ref('p.workspace')} = ${sql.ref(`${t}.workspace`)} AND ${sql.ref('p.name')} = ${sql.ref(`${t}.name`)} AND ${keyTest} AND ${valueTest})`;
}

export function searchClauses(
  ctx: StoreContext,
  target: SearchTarget,
  filter: Filter,
): RawBuilder<SqlBool>[] {
  const clauses: RawBuilder<SqlBool>[] = [];
  let tags: Comparison[] = [];
  for (const c of filter) {
    if (c.type === 'attribute') {
      const spec = target.columns[c.key];
      if (spec === undefined) throw MlflowError.invalidParameter(`Invalid attribute name: ${c.key}`);
      clauses.push(
        compare(ctx.dialect, sql.ref(`${target.table}.${spec.column}`), c.comparator, c.value, spec.text),
      );
    } else if (c.type === 'tag') {
      tags.push(c);
    } else {
      throw MlflowError.invalidParameter(`Invalid token type: ${c.type}`);
    }
  }
  if (!isQueryingPrompts(filter)) {
    tags = tags.filter((c) => c.key !== IS_PROMPT_TAG_KEY);
    clauses.push(excludePrompts(ctx, target));
  }
  return [...clauses, ...tagClauses(ctx, target, tags)];
}
