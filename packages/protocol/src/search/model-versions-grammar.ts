// search_model_versions: SearchModelVersionUtils' parser rules and the SQL store's comparator checks.
import {
  NUMERIC_COMPARATORS,
  PLAIN_STRING_COMPARATORS,
  STRING_ATTRIBUTE_COMPARATORS,
} from './comparator-sets.js';
import type { AttributeSpec, ComparatorCheck, SearchGrammar } from './grammar.js';
import { readRegistryValue } from './registry-value.js';

const rule = (allowed: readonly string[], message: (c: string) => string): ComparatorCheck => ({
  allowed,
  message,
});

const LIST_KEYS = ['name', 'run_id'];
const NUMERIC_KEYS = ['version_number', 'creation_timestamp', 'last_updated_timestamp'];
const LABELS = {
  metric: 'metric',
  param: 'parameter',
  tag: 'tag',
  attribute: 'attribute',
  dataset: 'dataset',
};

const stringAttribute = (canonical: string, list: boolean): AttributeSpec => ({
  canonical,
  kind: 'string',
  list,
  // IN / NOT IN pass the store's check only on the list keys.
  checks: [
    rule(
      list ? STRING_ATTRIBUTE_COMPARATORS : PLAIN_STRING_COMPARATORS,
      (c) => `Invalid comparator for attribute: ${c}`,
    ),
  ],
});
const orderable = (canonical: string): AttributeSpec => ({ canonical, kind: 'numeric' });

export const MODEL_VERSIONS_GRAMMAR: SearchGrammar = {
  entityTypes: { attribute: 'attribute', tag: 'tag', tags: 'tag' },
  entityTypesAsWritten: true,
  invalidEntityType: (t) => `Invalid entity type '${t}'. Valid entity types are ('attribute', 'tag', 'tags')`,
  typeLabels: LABELS,
  attributeKeysAsWritten: true,
  filterAttributes: {
    name: stringAttribute('name', true),
    run_id: stringAttribute('run_id', true),
    source_path: stringAttribute('source_path', false),
    version_number: {
      canonical: 'version_number',
      kind: 'numeric',
      checks: [rule(NUMERIC_COMPARATORS, (c) => `Invalid comparator for attribute version_number: ${c}`)],
      coerce: 'python-int',
    },
  },
  orderByAttributes: {
    name: orderable('name'),
    version_number: orderable('version_number'),
    creation_timestamp: orderable('creation_timestamp'),
    last_updated_timestamp: orderable('last_updated_timestamp'),
  },
  datasetKeys: [],
  listKeys: LIST_KEYS,
  invalidClauses: (texts) => texts.join(', '),
  nullCheck: { types: [], message: () => 'IS NULL / IS NOT NULL is not supported for model version search.' },
  rejectNullChecks: 'IS NULL / IS NOT NULL is not supported for model version search.',
  readValue: (key, node) => readRegistryValue({ listKeys: LIST_KEYS, numericKeys: NUMERIC_KEYS }, key, node),
  checks: { tag: [rule(PLAIN_STRING_COMPARATORS, (c) => `Invalid comparator for tag: ${c}`)] },
  orderBy: {
    types: ['attribute', 'tag'],
    invalidType: (type) => `Invalid order_by entity: ${type}`,
    rejectDuplicates: false,
  },
};

/**
 * order_by reads its key as search_experiments does (SearchExperimentsUtils._get_identifier): the
 * entity types include `attributes`, and the key is checked after its quotes are removed.
 */
export const MODEL_VERSIONS_ORDER_GRAMMAR: SearchGrammar = {
  ...MODEL_VERSIONS_GRAMMAR,
  entityTypes: { attribute: 'attribute', attributes: 'attribute', tag: 'tag', tags: 'tag' },
  invalidEntityType: (t) =>
    `Invalid entity type '${t}'. Valid entity types are ('attribute', 'attributes', 'tag', 'tags')`,
  attributeKeysAsWritten: false,
};
