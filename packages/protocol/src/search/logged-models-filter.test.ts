// Unit tests of the logged-model filter parser: clause shapes and values as MLflow's parser yields them.
import { describe, expect, it } from 'vitest';
import { MlflowError } from '../errors.js';
import { parseLoggedModelsFilter } from './logged-models-filter.js';
import { decodeLoggedModelsPageToken, encodeLoggedModelsPageToken } from './logged-models-page-token.js';

describe('parseLoggedModelsFilter', () => {
  it('reads no clause from an absent or empty filter', () => {
    expect(parseLoggedModelsFilter(undefined)).toEqual([]);
    expect(parseLoggedModelsFilter('')).toEqual([]);
  });

  it.each([
    ["name = 'a'", { type: 'attributes', key: 'name', comparator: '=', value: 'a' }],
    ['creation_time >= 5', { type: 'attributes', key: 'creation_timestamp_ms', comparator: '>=', value: 5 }],
    [
      'last_updated_timestamp < 1e3',
      { type: 'attributes', key: 'last_updated_timestamp_ms', comparator: '<', value: 1000 },
    ],
    ['metrics.`val loss` != 0.5', { type: 'metrics', key: 'val loss', comparator: '!=', value: 0.5 }],
    ["params.a.b like 'x%'", { type: 'params', key: 'a.b', comparator: 'LIKE', value: 'x%' }],
    ["tags.t IN ('a', 'b')", { type: 'tags', key: 't', comparator: 'IN', value: ['a', 'b'] }],
    ["tags.t NOT IN ('a')", { type: 'tags', key: 't', comparator: 'NOT IN', value: ['a'] }],
    ['tags."q k" = "v"', { type: 'tags', key: '"q k"', comparator: '=', value: '"v"' }],
    ["status IN ('READY', 'FAILED')", { type: 'attributes', key: 'status', comparator: 'IN', value: [2, 3] }],
    ["status != 'PENDING'", { type: 'attributes', key: 'status', comparator: '!=', value: 1 }],
  ])('%s', (filter, clause) => {
    expect(parseLoggedModelsFilter(filter)).toEqual([clause]);
  });

  it('joins clauses with AND in any case', () => {
    expect(
      parseLoggedModelsFilter("name = 'a' and metrics.m > 1 AND params.p = 'x'").map((c) => c.type),
    ).toEqual(['attributes', 'metrics', 'params']);
  });

  it.each([
    ["name = 'a' OR name = 'b'", /Expected a list of comparisons separated by 'AND'/],
    ['x = 1; y = 2', /Expected a single SQL expression\.$/],
    ["Tags.t = 'a'", /has no attribute 'Tags\.t'/],
    ['metrics.m LIKE 1', /^Invalid comparison operator for metrics\.m: 'LIKE'/],
  ])('refuses %s', (filter, message) => {
    expect(() => parseLoggedModelsFilter(filter)).toThrow(MlflowError);
    expect(() => parseLoggedModelsFilter(filter)).toThrow(message);
  });
});

describe('logged-model page tokens', () => {
  const request = { experimentIds: ['1'], filter: "name = 'é'", orderBy: null };

  it('round-trips and writes Python json.dumps (ASCII escapes, spaced separators)', () => {
    const token = encodeLoggedModelsPageToken(request, 40);
    expect(atob(token)).toBe(
      '{"experiment_ids": ["1"], "filter_string": "name = \'\\u00e9\'", "order_by": null, "offset": 40}',
    );
    expect(decodeLoggedModelsPageToken(token, request)).toBe(40);
  });

  it('refuses a token of another request', () => {
    const token = encodeLoggedModelsPageToken(request, 40);
    expect(() => decodeLoggedModelsPageToken(token, { ...request, experimentIds: ['2'] })).toThrow(
      "Experiment IDs in the page token do not match the requested experiment IDs. Expected: ['2']. Found: ['1']",
    );
  });
});
