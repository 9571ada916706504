// Registry search entry points: filters and order_by of search_registered_models and search_model_versions.
import { ErrorCode, MlflowError } from '../errors.js';
import type { Filter, OrderBy } from './ast.js';
import { parseFilter } from './filter.js';
import { MODEL_VERSIONS_GRAMMAR, MODEL_VERSIONS_ORDER_GRAMMAR } from './model-versions-grammar.js';
import { parseOrderBy, splitOrderByClause } from './order-by.js';
import { pyList, pySet } from '../codec/python-repr.js';
import { REGISTERED_MODELS_GRAMMAR } from './registered-models-grammar.js';

/** MLflow raises this without an error code, which its server reports as INTERNAL_ERROR. */
function duplicateFields(clauses: readonly string[]): MlflowError {
  return new MlflowError(
    ErrorCode.INTERNAL_ERROR,
    `\`order_by\` contains duplicate fields: ${pyList(clauses)}`,
  );
}

/**
 * Parses a search_registered_models filter (`name`, `tags.<key>`).
 * @example parseRegisteredModelsFilter("name LIKE 'fraud%' AND tags.team = 'a'")
 */
export function parseRegisteredModelsFilter(filter: string | undefined): Filter {
  return parseFilter(REGISTERED_MODELS_GRAMMAR, filter);
}

const RM_ORDER_KEYS: Readonly<Record<string, string>> = {
  name: 'name',
  // The SQL store sorts both timestamp spellings on last_updated_time.
  timestamp: 'last_updated_timestamp',
  last_updated_timestamp: 'last_updated_timestamp',
};

/**
 * Parses search_registered_models order_by as the SQL store does: keys `name`, `timestamp` and
 * `last_updated_timestamp` (the latter two both mean last-updated time), no entity prefix.
 * @example parseRegisteredModelsOrderBy(['timestamp DESC']) // → [{ type: 'attribute', key: 'last_updated_timestamp', ascending: false }]
 */
export function parseRegisteredModelsOrderBy(orderBy: readonly string[] | undefined): OrderBy[] {
  const result: OrderBy[] = [];
  for (const clause of orderBy ?? []) {
    const { text, ascending } = splitOrderByClause(clause);
    const key = Object.hasOwn(RM_ORDER_KEYS, text) ? RM_ORDER_KEYS[text] : undefined;
    if (key === undefined) {
      throw MlflowError.invalidParameter(
        `Invalid order by key '${text}' specified. Valid keys are '${pySet(['name', 'timestamp'])}'`,
      );
    }
    if (result.some((o) => o.key === key)) throw duplicateFields(orderBy ?? []);
    result.push({ type: 'attribute', key, ascending });
  }
  return result;
}

/**
 * Parses a search_model_versions filter (`name`, `run_id`, `source_path`, `version_number`, `tags.<key>`).
 * @example parseModelVersionsFilter("name = 'm' AND version_number > 2")
 */
export function parseModelVersionsFilter(filter: string | undefined): Filter {
  return parseFilter(MODEL_VERSIONS_GRAMMAR, filter);
}

const MV_ORDER_KEYS = ['name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'];

/**
 * Parses search_model_versions order_by. The store ignores the entity type once the key is read,
 * so `tags.name` orders by name as MLflow's does; any other tag key is refused.
 * @example parseModelVersionsOrderBy(['version_number DESC'])
 */
export function parseModelVersionsOrderBy(orderBy: readonly string[] | undefined): OrderBy[] {
  const result: OrderBy[] = [];
  for (const entry of parseOrderBy(MODEL_VERSIONS_ORDER_GRAMMAR, orderBy)) {
    if (!MV_ORDER_KEYS.includes(entry.key)) {
      throw MlflowError.invalidParameter(
        `Invalid order by key '${entry.key}' specified. Valid keys are ${pySet(MV_ORDER_KEYS)}`,
      );
    }
    if (result.some((o) => o.key === entry.key)) throw duplicateFields(orderBy ?? []);
    result.push({ type: 'attribute', key: entry.key, ascending: entry.ascending });
  }
  return result;
}
