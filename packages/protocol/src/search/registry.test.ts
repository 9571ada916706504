// Unit tests of the registry search grammars: what the parsers hand the store, and MLflow's refusals.
import { describe, expect, it } from 'vitest';
import { ErrorCode, MlflowError } from '../errors.js';
import {
  parseModelVersionsFilter,
  parseModelVersionsOrderBy,
  parseRegisteredModelsFilter,
  parseRegisteredModelsOrderBy,
} from './registry.js';

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof MlflowError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('registered models filter', () => {
  it('reads name and tag clauses, with backticked tag keys', () => {
    expect(
      parseRegisteredModelsFilter("name ILIKE 'a%' and tags.`mlflow.prompt.is_prompt` != 'true'"),
    ).toEqual([
      { type: 'attribute', key: 'name', comparator: 'ILIKE', value: 'a%' },
      { type: 'tag', key: 'mlflow.prompt.is_prompt', comparator: '!=', value: 'true' },
    ]);
    expect(parseRegisteredModelsFilter("name IN ('a', 'b')")).toEqual([
      { type: 'attribute', key: 'name', comparator: 'IN', value: ['a', 'b'] },
    ]);
  });

  it('refuses what MLflow refuses', () => {
    expect(refusal(() => parseRegisteredModelsFilter("tags.k < 'a'")).message).toBe(
      'Invalid comparator for tag: <',
    );
    expect(refusal(() => parseRegisteredModelsFilter('tags.k IS NULL')).message).toBe(
      'IS NULL / IS NOT NULL is not supported for registered model search.',
    );
  });
});

describe('registered models order_by', () => {
  it('maps both timestamp keys to the last-updated time', () => {
    expect(parseRegisteredModelsOrderBy(['timestamp DESC', 'name'])).toEqual([
      { type: 'attribute', key: 'last_updated_timestamp', ascending: false },
      { type: 'attribute', key: 'name', ascending: true },
    ]);
    expect(parseRegisteredModelsOrderBy(['`last_updated_timestamp` ASC'])).toEqual([
      { type: 'attribute', key: 'last_updated_timestamp', ascending: true },
    ]);
    expect(refusal(() => parseRegisteredModelsOrderBy(['`name`'])).message).toBe(
      "Invalid order by key '`name`' specified. Valid keys are '{'name', 'timestamp'}'",
    );
    expect(refusal(() => parseRegisteredModelsOrderBy(['name', 'name DESC'])).code).toBe(
      ErrorCode.INTERNAL_ERROR,
    );
  });
});

describe('model versions filter and order_by', () => {
  it('reads version numbers as Python ints, from numbers or text', () => {
    expect(parseModelVersionsFilter("version_number >= 2 AND version_number != ' 3 '")).toEqual([
      { type: 'attribute', key: 'version_number', comparator: '>=', value: 2 },
      { type: 'attribute', key: 'version_number', comparator: '!=', value: 3 },
    ]);
    expect(parseModelVersionsFilter("run_id IN ('r1') AND source_path LIKE 's3://%'")).toEqual([
      { type: 'attribute', key: 'run_id', comparator: 'IN', value: ['r1'] },
      { type: 'attribute', key: 'source_path', comparator: 'LIKE', value: 's3://%' },
    ]);
  });

  it('orders by attribute keys, `tags.name` meaning name as in MLflow', () => {
    expect(parseModelVersionsOrderBy(['attributes.version_number DESC', 'tags.name'])).toEqual([
      { type: 'attribute', key: 'version_number', ascending: false },
      { type: 'attribute', key: 'name', ascending: true },
    ]);
    expect(refusal(() => parseModelVersionsOrderBy(['name', 'tags.name'])).message).toBe(
      "`order_by` contains duplicate fields: ['name', 'tags.name']",
    );
  });
});
