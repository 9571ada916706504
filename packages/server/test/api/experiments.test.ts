// API tests of the experiment endpoints: ok table, then error table with MLflow's exact answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badType,
  errorTable,
  expectError,
  get,
  missing,
  post,
  startTestApp,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function createExperiment(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await post(t.app, '/experiments/create', { name, ...extra });
  expect(res.status).toBe(200);
  return (res.json as { experiment_id: string }).experiment_id;
}

describe('experiments: ok', () => {
  it('creates with the default artifact location and tags, and reads it back by id and name', async () => {
    const id = await createExperiment('exp-ok', { tags: [{ key: 'team', value: 'a' }] });
    const byId = await get(t.app, '/experiments/get', { experiment_id: id });
    expect(byId.status).toBe(200);
    expect(byId.json).toMatchObject({
      experiment: {
        experiment_id: id,
        name: 'exp-ok',
        artifact_location: `mlflow-artifacts:/${id}`,
        lifecycle_stage: 'active',
        tags: [{ key: 'team', value: 'a' }],
      },
    });
    const byName = await get(t.app, '/experiments/get-by-name', { experiment_name: 'exp-ok' });
    expect(byName.json).toEqual(byId.json);
  });

  it('keeps a given artifact location (the server own host is allowed)', async () => {
    const id = await createExperiment('exp-loc', { artifact_location: 's3://bucket/path' });
    const res = await get(t.app, '/experiments/get', { experiment_id: id });
    expect(res.json).toMatchObject({ experiment: { artifact_location: 's3://bucket/path' } });
  });

  it('accepts the camelCase spelling of a field', async () => {
    const id = await createExperiment('exp-camel', { artifactLocation: 's3://b/camel' });
    const res = await get(t.app, '/experiments/get', { experiment_id: id });
    expect(res.json).toMatchObject({ experiment: { artifact_location: 's3://b/camel' } });
  });

  it('searches with POST and with GET (repeated order_by keys), paging with a token', async () => {
    await createExperiment('search-b');
    await createExperiment('search-a');
    const byPost = await post(t.app, '/experiments/search', {
      max_results: 1,
      filter: "name LIKE 'search-%'",
      order_by: ['name ASC'],
    });
    expect(byPost.status).toBe(200);
    const first = byPost.json as { experiments: { name: string }[]; next_page_token: string };
    expect(first.experiments.map((e) => e.name)).toEqual(['search-a']);
    expect(first.next_page_token).toEqual(expect.any(String));
    const byGet = await get(t.app, '/experiments/search', {
      max_results: '5',
      filter: "name LIKE 'search-%'",
      order_by: ['name DESC', 'experiment_id'],
      view_type: 'ALL',
    });
    expect((byGet.json as { experiments: { name: string }[] }).experiments.map((e) => e.name)).toEqual([
      'search-b',
      'search-a',
    ]);
    const next = await post(t.app, '/experiments/search', {
      max_results: 1,
      filter: "name LIKE 'search-%'",
      order_by: ['name ASC'],
      page_token: first.next_page_token,
    });
    expect((next.json as { experiments: { name: string }[] }).experiments.map((e) => e.name)).toEqual([
      'search-b',
    ]);
  });

  it('answers {} for an empty search result', async () => {
    const res = await post(t.app, '/experiments/search', {
      max_results: 10,
      filter: "name = 'nothing-here'",
    });
    expect(res.json).toEqual({});
  });

  it('renames, deletes and restores', async () => {
    const id = await createExperiment('exp-life');
    expect(
      (await post(t.app, '/experiments/update', { experiment_id: id, new_name: 'exp-life-2' })).json,
    ).toEqual({});
    expect((await post(t.app, '/experiments/delete', { experiment_id: id })).json).toEqual({});
    const deleted = await get(t.app, '/experiments/get', { experiment_id: id });
    expect(deleted.json).toMatchObject({ experiment: { name: 'exp-life-2', lifecycle_stage: 'deleted' } });
    expect((await post(t.app, '/experiments/restore', { experiment_id: id })).json).toEqual({});
    const restored = await get(t.app, '/experiments/get', { experiment_id: id });
    expect(restored.json).toMatchObject({ experiment: { lifecycle_stage: 'active' } });
  });

  it('sets, overwrites and deletes experiment tags (empty value allowed)', async () => {
    const id = await createExperiment('exp-tags');
    await post(t.app, '/experiments/set-experiment-tag', { experiment_id: id, key: 'k', value: 'v1' });
    await post(t.app, '/experiments/set-experiment-tag', { experiment_id: id, key: 'k', value: 'v2' });
    await post(t.app, '/experiments/set-experiment-tag', { experiment_id: id, key: 'empty', value: '' });
    const res = await get(t.app, '/experiments/get', { experiment_id: id });
    expect((res.json as { experiment: { tags: unknown[] } }).experiment.tags).toEqual(
      expect.arrayContaining([
        { key: 'k', value: 'v2' },
        { key: 'empty', value: '' },
      ]),
    );
    expect(
      (await post(t.app, '/experiments/delete-experiment-tag', { experiment_id: id, key: 'k' })).status,
    ).toBe(200);
  });

  it('lets a custom view be overwritten when the experiment is at the limit', async () => {
    const views = Array.from({ length: 50 }, (_, i) => ({ key: `mlflow.customView.view${i}`, value: '{}' }));
    const id = await createExperiment('exp-views', { tags: views });
    const res = await post(t.app, '/experiments/set-experiment-tag', {
      experiment_id: id,
      key: 'mlflow.customView.view3',
      value: '{"edited":true}',
    });
    expect(res.status).toBe(200);
  });

  it('is mirrored under /ajax-api', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/ajax-api/2.0/mlflow/experiments/get?experiment_id=0',
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ experiment: { experiment_id: '0', name: 'Default' } });
  });
});

describe('experiments: errors', () => {
  const hostMessage = (scheme: string): string =>
    `'artifact_location' cannot use the '${scheme}' scheme: the '${scheme}' scheme addresses a host other than the ` +
    "tracking server's configured artifact storage, so the server would connect to the host named in the URI. " +
    'Set the MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES environment variable on the server to allow it.';

  // One row per case: the table reads better unwrapped.
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'create without name', send: () => post(t.app, '/experiments/create', {}), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('name') },
    { name: 'create with empty name', send: () => post(t.app, '/experiments/create', { name: '' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('name') },
    { name: 'create with numeric name', send: () => post(t.app, '/experiments/create', { name: 123 }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('name', '123', 'int') },
    { name: 'create with tags not a list', send: () => post(t.app, '/experiments/create', { name: 'x', tags: 'abc' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('tags', '"abc"', 'str') },
    { name: 'create with a too long name', send: () => post(t.app, '/experiments/create', { name: 'x'.repeat(501) }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "'name' exceeds the maximum length of 500 characters" },
    { name: 'create with a tag key that normalises away', send: () => post(t.app, '/experiments/create', { name: 'x', tags: [{ key: 'a/../b', value: 'v' }] }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid value \"a/../b\" for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to 'b'" },
    { name: 'create with a runs:/ location', send: () => post(t.app, '/experiments/create', { name: 'x', artifact_location: 'runs:/abc' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Artifact location cannot be a runs:/ URI. Given: 'runs:/abc'" },
    { name: 'create with a location fragment', send: () => post(t.app, '/experiments/create', { name: 'x', artifact_location: 'file:///tmp/x#frag' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "'artifact_location' URL can't include fragments or params." },
    { name: 'create with .. in the location query', send: () => post(t.app, '/experiments/create', { name: 'x', artifact_location: '/tmp/x?a=../b' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid query string' },
    { name: 'create with a foreign http host', send: () => post(t.app, '/experiments/create', { name: 'x', artifact_location: 'http://evil.com/x' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: hostMessage('http') },
    { name: 'create with a foreign mlflow-artifacts host', send: () => post(t.app, '/experiments/create', { name: 'x', artifact_location: 'mlflow-artifacts://h:5000/x' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: hostMessage('mlflow-artifacts') },
    { name: 'create with both spellings of a field', send: () => post(t.app, '/experiments/create', { name: 'x', artifact_location: '/a', artifactLocation: '/b' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Request specifies both 'artifact_location' and 'artifactLocation'; provide only one of them." },
    { name: 'create with 51 custom views', send: () => post(t.app, '/experiments/create', { name: 'x', tags: Array.from({ length: 51 }, (_, i) => ({ key: `mlflow.customView.view${i}`, value: '{}' })) }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Unable to create another custom view; the maximum number of custom views per experiment is 50. Delete an existing custom view before creating a new one.' },
    { name: 'get an unknown id', send: () => get(t.app, '/experiments/get', { experiment_id: '99999' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=99999 exists' },
    { name: 'get without id', send: () => get(t.app, '/experiments/get'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('experiment_id') },
    { name: 'get-by-name of an unknown name', send: () => get(t.app, '/experiments/get-by-name', { experiment_name: 'nope' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: "Could not find experiment with name 'nope'" },
    { name: 'search without max_results (proto default 0)', send: () => post(t.app, '/experiments/search', {}), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer" },
    // The store checks max_results before it parses the filter.
    { name: 'search with a bad filter and no max_results', send: () => post(t.app, '/experiments/search', { filter: "bogus.name = 'x'" }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer" },
    { name: 'search with an unquoted value', send: () => post(t.app, '/experiments/search', { max_results: 10, filter: 'name = x' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Parameter value is either not quoted or unidentified quote types used for string value x. Use either single or double quotes.' },
    { name: 'search with an unknown entity type', send: () => post(t.app, '/experiments/search', { max_results: 10, filter: "bogus.name = 'x'" }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid entity type 'bogus'. Valid entity types are ('attribute', 'attributes', 'tag', 'tags')" },
    { name: 'search over the threshold', send: () => post(t.app, '/experiments/search', { max_results: 50001 }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid value 50001 for parameter 'max_results' supplied. It must be at most 50000" },
    { name: 'search with a bad page token', send: () => post(t.app, '/experiments/search', { max_results: 1, page_token: 'garbage' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid page token, could not base64-decode' },
    { name: 'search with a non-integer max_results by GET', send: () => get(t.app, '/experiments/search', { max_results: 'abc' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('max_results', '"abc"', 'str') },
    { name: 'delete an unknown id', send: () => post(t.app, '/experiments/delete', { experiment_id: '99999' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=99999 exists' },
    { name: 'restore an active experiment', send: () => post(t.app, '/experiments/restore', { experiment_id: '0' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=0 exists' },
    { name: 'update without new_name', send: () => post(t.app, '/experiments/update', { experiment_id: '0' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('new_name') },
    { name: 'delete a missing experiment tag', send: () => post(t.app, '/experiments/delete-experiment-tag', { experiment_id: '0', key: 'nokey' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'No tag with name: nokey in experiment with id 0' },
    { name: 'set a tag with a too long key', send: () => post(t.app, '/experiments/set-experiment-tag', { experiment_id: '0', key: 'x'.repeat(251), value: 'v' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "'key' exceeds the maximum length of 250 characters" },
    { name: 'set a tag with a too long value', send: () => post(t.app, '/experiments/set-experiment-tag', { experiment_id: '0', key: 'k', value: 'v'.repeat(20001) }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "'value' exceeds the maximum length of 20000 characters" },
    { name: 'set a tag on an unknown experiment', send: () => post(t.app, '/experiments/set-experiment-tag', { experiment_id: '99999', key: 'k', value: 'v' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=99999 exists' },
  ];

  errorTable(cases);

  it('refuses a duplicate name with RESOURCE_ALREADY_EXISTS (400)', async () => {
    await createExperiment('dup-exp');
    const res = await post(t.app, '/experiments/create', { name: 'dup-exp' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error_code: 'RESOURCE_ALREADY_EXISTS' });
    expect((res.json as { message: string }).message).toMatch(
      /^Experiment\(name=dup-exp\) already exists\. Error: /,
    );
  });

  it('refuses renaming a deleted experiment with INVALID_STATE (500)', async () => {
    const id = await createExperiment('exp-gone');
    await post(t.app, '/experiments/delete', { experiment_id: id });
    expectError(
      await post(t.app, '/experiments/update', { experiment_id: id, new_name: 'x2' }),
      500,
      'INVALID_STATE',
      'Cannot rename a non-active experiment.',
    );
  });

  it('refuses a 51st custom view on an experiment', async () => {
    const views = Array.from({ length: 50 }, (_, i) => ({ key: `mlflow.customView.view${i}`, value: '{}' }));
    const id = await createExperiment('exp-views-full', { tags: views });
    const res = await post(t.app, '/experiments/set-experiment-tag', {
      experiment_id: id,
      key: 'mlflow.customView.view50',
      value: '{}',
    });
    expectError(
      res,
      400,
      'INVALID_PARAMETER_VALUE',
      `Unable to create another custom view for experiment ${id}; the maximum number of custom views per experiment is 50. Delete an existing custom view before creating a new one.`,
    );
  });
});
