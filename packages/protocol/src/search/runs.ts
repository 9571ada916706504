// search_runs entry points: the filter and order_by parsers bound to the runs grammar.
import type { Filter, OrderBy } from './ast.js';
import { parseFilter } from './filter.js';
import { parseOrderBy } from './order-by.js';
import { RUNS_GRAMMAR } from './runs-grammar.js';

/**
 * Parses a search_runs filter into the AST, or throws MLflow's INVALID_PARAMETER_VALUE error.
 * @example parseRunsFilter("metrics.acc > 0.9 and params.lr = '0.1'")
 * // → [{ type: 'metric', key: 'acc', comparator: '>', value: 0.9 }, { type: 'param', key: 'lr', comparator: '=', value: '0.1' }]
 */
export function parseRunsFilter(filter: string | undefined): Filter {
  return parseFilter(RUNS_GRAMMAR, filter);
}

/**
 * Parses search_runs order_by entries; duplicates (after alias resolution) are refused like MLflow does.
 * @example parseRunsOrderBy(['metrics.acc DESC', 'created']) // → [{ type: 'metric', key: 'acc', ascending: false }, { type: 'attribute', key: 'start_time', ascending: true }]
 */
export function parseRunsOrderBy(orderBy: readonly string[] | undefined): OrderBy[] {
  return parseOrderBy(RUNS_GRAMMAR, orderBy);
}
