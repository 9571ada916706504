// The parsed form of MLflow search filters and order_by clauses; produced by the parser, read by stores.

/** What a clause's identifier refers to. Parsers normalise MLflow's aliases to these. */
export type EntityType = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset';

/**
 * `IS NULL` / `IS NOT NULL` (MLflow 3.x, params and tags of runs, tags of experiments) test whether
 * the key exists at all; their `value` is the empty string and carries no meaning.
 */
export type Comparator =
  '=' | '!=' | '>' | '>=' | '<' | '<=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN' | 'IS NULL' | 'IS NOT NULL';

/**
 * One `<type>.<key> <comparator> <value>` clause. A filter is a conjunction of these.
 * `key` is canonical: attribute aliases are resolved (e.g. `created` → `start_time`,
 * `run name` → `run_name`), quotes and backticks are stripped.
 * `value` is a number for numeric comparisons (metrics, numeric attributes), a string for
 * string comparisons, and a string list for IN / NOT IN.
 *
 * Canonical attribute keys (MLflow's entity attribute names, not SQL columns):
 * - runs: `run_id`, `run_name`, `status`, `user_id`, `artifact_uri` (strings), `start_time`, `end_time` (numbers);
 *   dataset keys `name`, `digest`, `context`.
 * - experiments: `name`, `experiment_id` (strings; ids are checked to be integers and written in decimal,
 *   e.g. `' 7 '` → `'7'`), `creation_time`, `last_update_time` (integers).
 */
export interface Comparison {
  type: EntityType;
  key: string;
  comparator: Comparator;
  value: string | number | string[];
}

export type Filter = Comparison[];

/** One order_by entry; `key` is canonical as in Comparison. */
export interface OrderBy {
  type: EntityType;
  key: string;
  ascending: boolean;
}
