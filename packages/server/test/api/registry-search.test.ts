// API tests of the registry searches: filters, prompts, order, paging; errors recorded from MLflow 3.18.0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badType, errorTable, get, startTestApp, type ErrorCase, type TestApp } from '../support/test-app.js';
import { createModel, createVersion } from './registry-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await createModel(t.app, 's-a', { tags: [{ key: 'team', value: 'red' }] });
  await createModel(t.app, 's-b', { tags: [{ key: 'team', value: 'blue' }] });
  await createModel(t.app, 's-prompt', { tags: [{ key: 'mlflow.prompt.is_prompt', value: 'true' }] });
  await createVersion(t.app, 's-a', 's3://b/a1');
  await createVersion(t.app, 's-a', 's3://b/a2', { tags: [{ key: 'env', value: 'prod' }] });
  await createVersion(t.app, 's-b', 's3://b/b1');
});
afterAll(async () => t.close());

const names = (json: unknown): string[] =>
  ((json as { registered_models?: { name: string }[] }).registered_models ?? []).map((m) => m.name);
const versions = (json: unknown): string[] =>
  ((json as { model_versions?: { name: string; version: string }[] }).model_versions ?? []).map(
    (v) => `${v.name}/${v.version}`,
  );

describe('registry search: ok', () => {
  it('searches models by name and tag, prompts only when asked', async () => {
    expect(
      names((await get(t.app, '/registered-models/search', { filter: "name LIKE 's-%'" })).json),
    ).toEqual(['s-a', 's-b']);
    expect(
      names((await get(t.app, '/registered-models/search', { filter: "tags.team = 'blue'" })).json),
    ).toEqual(['s-b']);
    const prompts = await get(t.app, '/registered-models/search', {
      filter: "tags.`mlflow.prompt.is_prompt` = 'true'",
    });
    expect(names(prompts.json)).toEqual(['s-prompt']);
  });

  it('orders and pages models with MLflow tokens', async () => {
    const first = await get(t.app, '/registered-models/search', {
      filter: "name LIKE 's-%'",
      max_results: '1',
      order_by: ['name DESC'],
    });
    expect(first.json).toMatchObject({ next_page_token: btoa('{"offset": 1}') });
    expect(names(first.json)).toEqual(['s-b']);
    const next = await get(t.app, '/registered-models/search', {
      filter: "name LIKE 's-%'",
      max_results: '1',
      order_by: ['name DESC'],
      page_token: (first.json as { next_page_token: string }).next_page_token,
    });
    expect(names(next.json)).toEqual(['s-a']);
    expect(next.json).not.toHaveProperty('next_page_token');
  });

  it('searches versions by name, run, number and tag; empty result is {}', async () => {
    expect(versions((await get(t.app, '/model-versions/search', { filter: "name = 's-a'" })).json)).toEqual([
      's-a/2',
      's-a/1',
    ]);
    expect(
      versions(
        (
          await get(t.app, '/model-versions/search', {
            filter: "name IN ('s-a', 's-b') AND version_number < 2",
            order_by: ['name'],
          })
        ).json,
      ),
    ).toEqual(['s-a/1', 's-b/1']);
    expect(
      versions((await get(t.app, '/model-versions/search', { filter: "tags.env = 'prod'" })).json),
    ).toEqual(['s-a/2']);
    expect((await get(t.app, '/model-versions/search', { filter: "run_id = 'none'" })).json).toEqual({});
  });
});

describe('registry search: errors', () => {
  const INVALID = 'INVALID_PARAMETER_VALUE';
  const rm = (query: Record<string, string | string[]>) => get(t.app, '/registered-models/search', query);
  const mv = (query: Record<string, string | string[]>) => get(t.app, '/model-versions/search', query);
  // Python prints these sets in hash order, which differs from process to process; ours are sorted.
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'models: max_results over 1000', send: () => rm({ max_results: '1001' }), status: 400, code: INVALID, message: badType('max_results', '"1001"', 'str') },
    { name: 'models: max_results not a number', send: () => rm({ max_results: 'abc' }), status: 400, code: INVALID, message: badType('max_results', '"abc"', 'str') },
    { name: 'models: > on the name', send: () => rm({ filter: "name > 'a'" }), status: 400, code: INVALID, message: 'Invalid comparator for attribute: >' },
    { name: 'models: > on a tag', send: () => rm({ filter: "tags.a > 'a'" }), status: 400, code: INVALID, message: 'Invalid comparator for tag: >' },
    { name: 'models: unknown attribute', send: () => rm({ filter: "foo = 'a'" }), status: 400, code: INVALID, message: "Invalid attribute key 'foo' specified. Valid keys are '{'name'}'" },
    { name: 'models: quoted attribute', send: () => rm({ filter: "\"name\" = 'a'" }), status: 400, code: INVALID, message: "Invalid attribute key '\"name\"' specified. Valid keys are '{'name'}'" },
    { name: 'models: metrics', send: () => rm({ filter: "metrics.a = 'a'" }), status: 400, code: INVALID, message: "Invalid entity type 'metrics'. Valid entity types are ('attribute', 'tag', 'tags')" },
    { name: 'models: numeric name', send: () => rm({ filter: 'name = 5' }), status: 400, code: INVALID, message: 'Expected a quoted string value or a list of quoted string values for attributes. Got value 5' },
    { name: 'models: IS NULL', send: () => rm({ filter: 'name IS NULL' }), status: 400, code: INVALID, message: 'IS NULL / IS NOT NULL is not supported for registered model search.' },
    { name: 'models: OR', send: () => rm({ filter: "name = 'a' OR name = 'b'" }), status: 400, code: INVALID, message: 'Invalid clause(s) in filter string: OR' },
    { name: 'models: tag list', send: () => rm({ filter: "tags.x IN ('a','b')" }), status: 400, code: INVALID, message: "Expected a quoted string value for tag (e.g. 'my-value'). Got value ('a','b')" },
    { name: 'models: order by unknown key', send: () => rm({ order_by: 'foo' }), status: 400, code: INVALID, message: "Invalid order by key 'foo' specified. Valid keys are '{'name', 'timestamp'}'" },
    { name: 'models: order by creation_timestamp', send: () => rm({ order_by: 'creation_timestamp' }), status: 400, code: INVALID, message: "Invalid order by key 'creation_timestamp' specified. Valid keys are '{'name', 'timestamp'}'" },
    { name: 'models: both timestamp spellings', send: () => rm({ order_by: ['timestamp', 'last_updated_timestamp'] }), status: 500, code: 'INTERNAL_ERROR', message: "`order_by` contains duplicate fields: ['timestamp', 'last_updated_timestamp']" },
    { name: 'models: bad page token', send: () => rm({ page_token: 'garbage' }), status: 400, code: INVALID, message: 'Invalid page token, could not base64-decode' },
    { name: 'versions: max_results 0', send: () => mv({ max_results: '0' }), status: 400, code: INVALID, message: 'Invalid value for max_results. It must be a positive integer, but got 0' },
    { name: 'versions: max_results over 200000', send: () => mv({ max_results: '200001' }), status: 400, code: INVALID, message: badType('max_results', '"200001"', 'str') },
    { name: 'versions: float version', send: () => mv({ filter: 'version_number = 1.5' }), status: 400, code: INVALID, message: "Invalid value for numeric attribute 'version_number': 1.5" },
    { name: 'versions: text version', send: () => mv({ filter: "version_number = 'abc'" }), status: 400, code: INVALID, message: "Invalid value for numeric attribute 'version_number': 'abc'" },
    { name: 'versions: LIKE on the version', send: () => mv({ filter: "version_number LIKE '1'" }), status: 400, code: INVALID, message: 'Invalid comparator for attribute version_number: LIKE' },
    { name: 'versions: list of sources', send: () => mv({ filter: "source_path IN ('a')" }), status: 400, code: INVALID, message: "Only ['name', 'run_id'] attributes support comparison with a list of quoted string values." },
    { name: 'versions: numeric run id', send: () => mv({ filter: 'run_id = 5' }), status: 400, code: INVALID, message: "Only the '{'creation_timestamp', 'last_updated_timestamp', 'version_number'}' attributes support comparison with numeric values." },
    { name: 'versions: IS NULL', send: () => mv({ filter: 'name IS NULL' }), status: 400, code: INVALID, message: 'IS NULL / IS NOT NULL is not supported for model version search.' },
    { name: 'versions: unknown attribute', send: () => mv({ filter: "foo = 'x'" }), status: 400, code: INVALID, message: "Invalid attribute key 'foo' specified. Valid keys are '{'name', 'run_id', 'source_path', 'version_number'}'" },
    { name: 'versions: attributes. in a filter', send: () => mv({ filter: "attributes.name = 'x'" }), status: 400, code: INVALID, message: "Invalid entity type 'attributes'. Valid entity types are ('attribute', 'tag', 'tags')" },
    { name: 'versions: order by unknown key', send: () => mv({ order_by: 'foo' }), status: 400, code: INVALID, message: "Invalid attribute key 'foo' specified. Valid keys are '{'creation_timestamp', 'last_updated_timestamp', 'name', 'version_number'}'" },
    { name: 'versions: order by a tag', send: () => mv({ order_by: 'tags.foo' }), status: 400, code: INVALID, message: "Invalid order by key 'foo' specified. Valid keys are {'creation_timestamp', 'last_updated_timestamp', 'name', 'version_number'}" },
    { name: 'versions: order by an unknown type', send: () => mv({ order_by: 'bogus.name' }), status: 400, code: INVALID, message: "Invalid entity type 'bogus'. Valid entity types are ('attribute', 'attributes', 'tag', 'tags')" },
    { name: 'versions: duplicate order', send: () => mv({ order_by: ['name', 'name DESC'] }), status: 500, code: 'INTERNAL_ERROR', message: "`order_by` contains duplicate fields: ['name', 'name DESC']" },
  ];
  errorTable(cases);
});
