// search_runs: the entity types, attributes and comparator rules of SearchUtils and the SQL store.
import {
  KEY_VALUE_COMPARATORS,
  NUMERIC_COMPARATORS,
  STRING_ATTRIBUTE_COMPARATORS,
} from './comparator-sets.js';
import type { AttributeSpec, ComparatorCheck, SearchGrammar } from './grammar.js';
import { pySet } from '../codec/python-repr.js';

const string = (canonical: string, list = false): AttributeSpec => ({ canonical, kind: 'string', list });
const numeric = (canonical: string): AttributeSpec => ({ canonical, kind: 'numeric' });

const ORDERABLE: Record<string, AttributeSpec> = {
  run_id: string('run_id', true),
  run_name: string('run_name'),
  status: string('status'),
  user_id: string('user_id'),
  artifact_uri: string('artifact_uri'),
  start_time: numeric('start_time'),
  end_time: numeric('end_time'),
  created: numeric('start_time'),
  Created: numeric('start_time'),
};

// The messages are MLflow's, down to the closing quote some of them forget.
function check(allowed: readonly string[], shown: readonly string[], closed: boolean): ComparatorCheck {
  return {
    allowed,
    message: (c) => `Invalid comparator '${c}' not one of '${pySet(shown)}${closed ? "'" : ''}`,
  };
}

export const RUNS_GRAMMAR: SearchGrammar = {
  entityTypes: {
    metric: 'metric',
    metrics: 'metric',
    parameter: 'param',
    parameters: 'param',
    param: 'param',
    params: 'param',
    tag: 'tag',
    tags: 'tag',
    attribute: 'attribute',
    attributes: 'attribute',
    attr: 'attribute',
    run: 'attribute',
    dataset: 'dataset',
    datasets: 'dataset',
  },
  entityTypesAsWritten: false,
  invalidEntityType: (t) =>
    `Invalid entity type '${t}'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']`,
  typeLabels: {
    metric: 'metric',
    param: 'parameter',
    tag: 'tag',
    attribute: 'attribute',
    dataset: 'dataset',
  },
  filterAttributes: {
    ...ORDERABLE,
    'run name': string('run_name'),
    'Run name': string('run_name'),
    'Run Name': string('run_name'),
  },
  orderByAttributes: ORDERABLE,
  datasetKeys: ['name', 'digest', 'context'],
  listKeys: ['run_id'],
  invalidClauses: (texts) => texts.map((t) => `'${t}'`).join(', '),
  nullCheck: {
    types: ['tag', 'param'],
    message: (type, key) =>
      `IS NULL / IS NOT NULL is only supported for tags and params, not for '${type}' '${key}'`,
  },
  checks: {
    string: [check(STRING_ATTRIBUTE_COMPARATORS, STRING_ATTRIBUTE_COMPARATORS, true)],
    numeric: [check(NUMERIC_COMPARATORS, STRING_ATTRIBUTE_COMPARATORS, false)],
    metric: [check(NUMERIC_COMPARATORS, NUMERIC_COMPARATORS, false)],
    param: [check(KEY_VALUE_COMPARATORS, KEY_VALUE_COMPARATORS, true)],
    tag: [check(KEY_VALUE_COMPARATORS, KEY_VALUE_COMPARATORS, false)],
    dataset: [check(STRING_ATTRIBUTE_COMPARATORS, STRING_ATTRIBUTE_COMPARATORS, false)],
  },
  orderBy: {
    types: ['metric', 'param', 'tag', 'attribute'],
    invalidType: (type) => `Invalid identifier type '${type}'`,
    rejectDuplicates: true,
  },
};
