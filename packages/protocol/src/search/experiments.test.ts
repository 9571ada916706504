// search_experiments parsing by example: the AST stores receive.
import { describe, expect, it } from 'vitest';
import { MlflowError } from '../errors.js';
import type { Filter, OrderBy } from './ast.js';
import { parseExperimentsFilter, parseExperimentsOrderBy } from './experiments.js';

describe('parseExperimentsFilter', () => {
  it.each<[string, Filter]>([
    [
      "name LIKE 'prod-%' AND tags.team = 'a'",
      [
        { type: 'attribute', key: 'name', comparator: 'LIKE', value: 'prod-%' },
        { type: 'tag', key: 'team', comparator: '=', value: 'a' },
      ],
    ],
    [
      'attributes.creation_time >= 1700000000000',
      [{ type: 'attribute', key: 'creation_time', comparator: '>=', value: 1700000000000 }],
    ],
    // ids are checked like Python's int() and written back in decimal
    [
      "experiment_id IN (' 7 ', '1_0', '-0')",
      [{ type: 'attribute', key: 'experiment_id', comparator: 'IN', value: ['7', '10', '0'] }],
    ],
    ["experiment_id != '3'", [{ type: 'attribute', key: 'experiment_id', comparator: '!=', value: '3' }]],
    ['tags.`a b` IS NOT NULL', [{ type: 'tag', key: 'a b', comparator: 'IS NOT NULL', value: '' }]],
  ])('%j', (filter, expected) => {
    expect(parseExperimentsFilter(filter)).toEqual(expected);
  });

  it.each([
    ["experiment_id = 'x'", "Invalid experiment ID 'x'. Experiment ID must be a valid integer."],
    ['creation_time > 5.0', "Invalid value for numeric attribute 'creation_time': '5.0'"],
    ["tags.a IN ('x')", "Expected a quoted string value for tag (e.g. 'my-value'). Got value ('x')"],
    [
      "`tags`.a = 'x'",
      "Invalid entity type '`tags`'. Valid entity types are ('attribute', 'attributes', 'tag', 'tags')",
    ],
  ])('%j is refused', (filter, message) => {
    expect(() => parseExperimentsFilter(filter)).toThrow(new MlflowError('INVALID_PARAMETER_VALUE', message));
  });
});

describe('parseExperimentsOrderBy', () => {
  it.each<[string[] | undefined, OrderBy[]]>([
    [['name DESC'], [{ type: 'attribute', key: 'name', ascending: false }]],
    [
      ['attribute.last_update_time', 'experiment_id'],
      [
        { type: 'attribute', key: 'last_update_time', ascending: true },
        { type: 'attribute', key: 'experiment_id', ascending: true },
      ],
    ],
    // duplicates are allowed here (only search_runs refuses them)
    [
      ['name', 'name'],
      [
        { type: 'attribute', key: 'name', ascending: true },
        { type: 'attribute', key: 'name', ascending: true },
      ],
    ],
    [undefined, []],
  ])('%j', (orderBy, expected) => {
    expect(parseExperimentsOrderBy(orderBy)).toEqual(expected);
  });

  it('refuses tags', () => {
    expect(() => parseExperimentsOrderBy(['tags.x'])).toThrow('Invalid order_by entity: tag');
  });
});
