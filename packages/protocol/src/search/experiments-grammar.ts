// search_experiments: attributes, tags and comparator rules of SearchExperimentsUtils and the SQL store.
import {
  NUMERIC_COMPARATORS,
  PLAIN_STRING_COMPARATORS,
  STRING_ATTRIBUTE_COMPARATORS,
} from './comparator-sets.js';
import type { AttributeSpec, ComparatorCheck, SearchGrammar } from './grammar.js';
import { pySet } from '../codec/python-repr.js';

const shown = pySet(STRING_ATTRIBUTE_COMPARATORS);
const rule = (allowed: readonly string[], message: (c: string) => string): ComparatorCheck => ({
  allowed,
  message,
});

// The store first runs the generic string/numeric attribute check, then its own narrower one.
const name: AttributeSpec = {
  canonical: 'name',
  kind: 'string',
  checks: [
    rule(STRING_ATTRIBUTE_COMPARATORS, (c) => `Invalid comparator '${c}' not one of '${shown}'`),
    rule(PLAIN_STRING_COMPARATORS, (c) => `Invalid comparator for string attribute: ${c}`),
  ],
};
const experimentId: AttributeSpec = {
  canonical: 'experiment_id',
  kind: 'string',
  list: true,
  checks: [rule(['=', '!=', 'IN', 'NOT IN'], (c) => `Invalid comparator for experiment_id: ${c}`)],
  coerce: 'experiment-id',
};
const time = (canonical: string): AttributeSpec => ({
  canonical,
  kind: 'numeric',
  checks: [
    rule(NUMERIC_COMPARATORS, (c) => `Invalid comparator '${c}' not one of '${shown}`),
    rule(NUMERIC_COMPARATORS, (c) => `Invalid comparator for numeric attribute: ${c}`),
  ],
  coerce: 'integer',
});

const ATTRIBUTES: Record<string, AttributeSpec> = {
  name,
  experiment_id: experimentId,
  creation_time: time('creation_time'),
  last_update_time: time('last_update_time'),
};

export const EXPERIMENTS_GRAMMAR: SearchGrammar = {
  entityTypes: { attribute: 'attribute', attributes: 'attribute', tag: 'tag', tags: 'tag' },
  entityTypesAsWritten: true,
  invalidEntityType: (t) =>
    `Invalid entity type '${t}'. Valid entity types are ('attribute', 'attributes', 'tag', 'tags')`,
  typeLabels: {
    metric: 'metric',
    param: 'parameter',
    tag: 'tag',
    attribute: 'attribute',
    dataset: 'dataset',
  },
  filterAttributes: ATTRIBUTES,
  orderByAttributes: ATTRIBUTES,
  datasetKeys: [],
  listKeys: ['experiment_id'],
  invalidClauses: (texts) => texts.join(', '),
  nullCheck: {
    types: ['tag'],
    message: (_type, key) => `IS NULL / IS NOT NULL is only supported for tags, not for attribute '${key}'`,
  },
  checks: { tag: [rule(PLAIN_STRING_COMPARATORS, (c) => `Invalid comparator for tag: ${c}`)] },
  orderBy: {
    types: ['attribute'],
    invalidType: (type) => `Invalid order_by entity: ${type}`,
    rejectDuplicates: false,
  },
};
