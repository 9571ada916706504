// search_runs parsing by example: the AST stores receive, and where we knowingly differ from MLflow.
import { describe, expect, it } from 'vitest';
import { ErrorCode, MlflowError } from '../errors.js';
import type { Filter, OrderBy } from './ast.js';
import { parseRunsFilter, parseRunsOrderBy } from './runs.js';

function errorOf(run: () => unknown): { code: string; message: string } | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof MlflowError) return { code: e.code, message: e.message };
    throw e;
  }
  return undefined;
}

describe('parseRunsFilter: the AST', () => {
  it.each<[string, Filter]>([
    [
      "metrics.acc > 0.9 and params.lr = '0.1'",
      [
        { type: 'metric', key: 'acc', comparator: '>', value: 0.9 },
        { type: 'param', key: 'lr', comparator: '=', value: '0.1' },
      ],
    ],
    ['metric.loss <= -1e-3', [{ type: 'metric', key: 'loss', comparator: '<=', value: -0.001 }]],
    // attribute aliases resolve to the canonical key; numeric attributes carry numbers
    [
      'created >= 1700000000000',
      [{ type: 'attribute', key: 'start_time', comparator: '>=', value: 1700000000000 }],
    ],
    ["`Run Name` like 'exp-%'", [{ type: 'attribute', key: 'run_name', comparator: 'LIKE', value: 'exp-%' }]],
    ["run.status != 'FAILED'", [{ type: 'attribute', key: 'status', comparator: '!=', value: 'FAILED' }]],
    // keys: quotes and backticks go, dots after the first belong to the key
    ['tags.mlflow.runName = "r"', [{ type: 'tag', key: 'mlflow.runName', comparator: '=', value: 'r' }]],
    ["tags.`my key` ILIKE '%x%'", [{ type: 'tag', key: 'my key', comparator: 'ILIKE', value: '%x%' }]],
    ['params."lr-max" = \'1\'', [{ type: 'param', key: 'lr-max', comparator: '=', value: '1' }]],
    // values are kept verbatim between the quotes (MLflow does not unescape them)…
    ["tags.note = 'it''s'", [{ type: 'tag', key: 'note', comparator: '=', value: "it''s" }]],
    // …but IN lists are Python literals, so escapes are decoded there, and uppercase ids are kept
    [
      "run_id IN ('ABC', 'it\\'s', \"d\")",
      [{ type: 'attribute', key: 'run_id', comparator: 'IN', value: ['ABC', "it's", 'd'] }],
    ],
    ["run_id not in ('a')", [{ type: 'attribute', key: 'run_id', comparator: 'NOT IN', value: ['a'] }]],
    [
      "datasets.context IN ('train', 'eval')",
      [{ type: 'dataset', key: 'context', comparator: 'IN', value: ['train', 'eval'] }],
    ],
    // null checks: the value is the empty string
    ['tags.team IS NULL', [{ type: 'tag', key: 'team', comparator: 'IS NULL', value: '' }]],
    ['params.lr is not null', [{ type: 'param', key: 'lr', comparator: 'IS NOT NULL', value: '' }]],
    ["tags.日本 = 'ünï ✓'", [{ type: 'tag', key: '日本', comparator: '=', value: 'ünï ✓' }]],
    ['', []],
  ])('%j', (filter, expected) => {
    expect(parseRunsFilter(filter)).toEqual(expected);
  });

  it('treats an absent filter as no filter', () => {
    expect(parseRunsFilter(undefined)).toEqual([]);
  });
});

describe('parseRunsOrderBy: the AST', () => {
  it.each<[string[], OrderBy[]]>([
    [['metrics.acc DESC'], [{ type: 'metric', key: 'acc', ascending: false }]],
    [['params.lr'], [{ type: 'param', key: 'lr', ascending: true }]],
    [['tags.`x y` asc'], [{ type: 'tag', key: 'x y', ascending: true }]],
    [['attribute.start_time'], [{ type: 'attribute', key: 'start_time', ascending: true }]],
    [['created DESC'], [{ type: 'attribute', key: 'start_time', ascending: false }]],
    [
      ['metrics.a', 'tags.a DESC'],
      [
        { type: 'metric', key: 'a', ascending: true },
        { type: 'tag', key: 'a', ascending: false },
      ],
    ],
    [[], []],
  ])('%j', (orderBy, expected) => {
    expect(parseRunsOrderBy(orderBy)).toEqual(expected);
  });

  it('refuses the same key twice, after aliases, as MLflow does (INTERNAL_ERROR)', () => {
    expect(errorOf(() => parseRunsOrderBy(['created', 'start_time DESC']))).toEqual({
      code: ErrorCode.INTERNAL_ERROR,
      message: "`order_by` contains duplicate fields: ['created', 'start_time DESC']",
    });
  });
});

/** Inputs where MLflow's answer is an accident of its implementation (a 500, a driver error); ours is deliberate. */
describe('documented differences from MLflow', () => {
  const illFormed =
    'While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.';

  it('a bare name in an IN list is an ill-formed list (MLflow: 500 "malformed node or string")', () => {
    expect(errorOf(() => parseRunsFilter("run_id IN ('a', b)"))).toEqual({
      code: ErrorCode.INVALID_PARAMETER_VALUE,
      message: illFormed,
    });
  });

  it('\\N{…} escapes in IN lists are not decoded (no Unicode name table); the list is ill-formed', () => {
    expect(errorOf(() => parseRunsFilter("run_id IN ('\\N{BULLET}')"))?.message).toBe(illFormed);
  });

  it('a list after = is a 400 BAD_REQUEST (MLflow: the database driver refuses it, with SQL text)', () => {
    expect(errorOf(() => parseRunsFilter("run_id = ('a')"))).toEqual({
      code: ErrorCode.BAD_REQUEST,
      message: "Comparator '=' cannot compare 'run_id' with a list of values; use IN or NOT IN.",
    });
  });

  it('an order_by key shlex cannot split is unparsable (MLflow: 500 "No closing quotation")', () => {
    expect(errorOf(() => parseRunsOrderBy(['metrics."a\\" DESC']))).toEqual({
      code: ErrorCode.INVALID_PARAMETER_VALUE,
      message: 'Invalid order_by clause \'metrics."a\\" DESC\'. Could not be parsed.',
    });
  });

  it('integers beyond 64 bits are accepted as (inexact) numbers (MLflow: a database overflow error)', () => {
    expect(parseRunsFilter('start_time > 99999999999999999999')).toEqual([
      { type: 'attribute', key: 'start_time', comparator: '>', value: 1e20 },
    ]);
  });
});
