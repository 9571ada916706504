// search_registered_models: SearchModelUtils' parser rules and the SQL store's comparator checks.
import { PLAIN_STRING_COMPARATORS, STRING_ATTRIBUTE_COMPARATORS } from './comparator-sets.js';
import type { ComparatorCheck, SearchGrammar } from './grammar.js';
import { readRegistryValue } from './registry-value.js';

const rule = (allowed: readonly string[], message: (c: string) => string): ComparatorCheck => ({
  allowed,
  message,
});

const LABELS = {
  metric: 'metric',
  param: 'parameter',
  tag: 'tag',
  attribute: 'attribute',
  dataset: 'dataset',
};

export const REGISTERED_MODELS_GRAMMAR: SearchGrammar = {
  entityTypes: { attribute: 'attribute', tag: 'tag', tags: 'tag' },
  entityTypesAsWritten: true,
  invalidEntityType: (t) => `Invalid entity type '${t}'. Valid entity types are ('attribute', 'tag', 'tags')`,
  typeLabels: LABELS,
  attributeKeysAsWritten: true,
  filterAttributes: {
    name: {
      canonical: 'name',
      kind: 'string',
      list: true,
      checks: [rule(STRING_ATTRIBUTE_COMPARATORS, (c) => `Invalid comparator for attribute: ${c}`)],
    },
  },
  // Registered-model order_by has its own reader (parseRegisteredModelsOrderBy).
  orderByAttributes: {},
  datasetKeys: [],
  listKeys: ['name'],
  invalidClauses: (texts) => texts.join(', '),
  nullCheck: {
    types: [],
    message: () => 'IS NULL / IS NOT NULL is not supported for registered model search.',
  },
  rejectNullChecks: 'IS NULL / IS NOT NULL is not supported for registered model search.',
  readValue: (key, node) => readRegistryValue({ listKeys: ['name'] }, key, node),
  checks: { tag: [rule(PLAIN_STRING_COMPARATORS, (c) => `Invalid comparator for tag: ${c}`)] },
  orderBy: {
    types: ['attribute'],
    invalidType: (type) => `Invalid order_by entity: ${type}`,
    rejectDuplicates: false,
  },
};
