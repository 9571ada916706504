// The MLflow search grammar: filter and order_by parsing, page tokens, LIKE matching for in-memory use.
export type * from './ast.js';
export * from './page-token.js';
export { parseRunsFilter, parseRunsOrderBy } from './runs.js';
export { parseExperimentsFilter, parseExperimentsOrderBy } from './experiments.js';
export { parseFilter } from './filter.js';
export { parseOrderBy } from './order-by.js';
export type { AttributeSpec, ComparatorCheck, SearchGrammar } from './grammar.js';
export { RUNS_GRAMMAR } from './runs-grammar.js';
export { EXPERIMENTS_GRAMMAR } from './experiments-grammar.js';
export { likeToRegExp } from './like.js';
export {
  parseLoggedModelsFilter,
  LOGGED_MODEL_COLUMNS,
  type LoggedModelComparison,
  type LoggedModelComparator,
  type LoggedModelEntityType,
  type LoggedModelFilterValue,
} from './logged-models-filter.js';
export {
  encodeLoggedModelsPageToken,
  decodeLoggedModelsPageToken,
  type LoggedModelsOrderByEntry,
  type LoggedModelsTokenRequest,
} from './logged-models-page-token.js';
export {
  parseRegisteredModelsFilter,
  parseRegisteredModelsOrderBy,
  parseModelVersionsFilter,
  parseModelVersionsOrderBy,
} from './registry.js';
export {
  parseLoggedModelsOrderBy,
  type LoggedModelOrderInput,
  type LoggedModelOrderTerm,
} from './logged-models-order-by.js';
