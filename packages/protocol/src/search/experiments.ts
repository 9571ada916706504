// search_experiments entry points: the filter and order_by parsers bound to the experiments grammar.
import type { Filter, OrderBy } from './ast.js';
import { EXPERIMENTS_GRAMMAR } from './experiments-grammar.js';
import { parseFilter } from './filter.js';
import { parseOrderBy } from './order-by.js';

/**
 * Parses a search_experiments filter (`name`, `experiment_id`, `creation_time`, `last_update_time`, `tags.*`).
 * @example parseExperimentsFilter("name LIKE 'prod-%' AND tags.team = 'a'")
 */
export function parseExperimentsFilter(filter: string | undefined): Filter {
  return parseFilter(EXPERIMENTS_GRAMMAR, filter);
}

/**
 * Parses search_experiments order_by entries; only attributes may be ordered on.
 * @example parseExperimentsOrderBy(['name DESC']) // → [{ type: 'attribute', key: 'name', ascending: false }]
 */
export function parseExperimentsOrderBy(orderBy: readonly string[] | undefined): OrderBy[] {
  return parseOrderBy(EXPERIMENTS_GRAMMAR, orderBy);
}
