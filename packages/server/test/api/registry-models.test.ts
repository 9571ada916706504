// API tests of registered models and aliases: ok table, then error table with MLflow's exact answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badType,
  errorTable,
  get,
  missing,
  post,
  startTestApp,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';
import { createModel, createVersion, send } from './registry-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await createModel(t.app, 'm1');
  await createVersion(t.app, 'm1');
});
afterAll(async () => t.close());

describe('registered models: ok', () => {
  it('creates with tags (a tag without value reads as "") and reads back, empty description left out', async () => {
    const res = await post(t.app, '/registered-models/create', {
      name: 'rm-ok',
      description: '',
      tags: [{ key: 'team', value: 'a' }, { key: 'bare' }],
    });
    expect(res.status).toBe(200);
    const created = (res.json as { registered_model: Record<string, unknown> }).registered_model;
    expect(created).toEqual({
      name: 'rm-ok',
      creation_timestamp: expect.any(Number),
      last_updated_timestamp: created['creation_timestamp'],
      tags: [
        { key: 'team', value: 'a' },
        { key: 'bare', value: '' },
      ],
    });
    const got = await get(t.app, '/registered-models/get', { name: 'rm-ok' });
    expect(got.json).toEqual({ registered_model: created });
  });

  it('renames (PATCH updates, DELETE deletes with a JSON body)', async () => {
    await createModel(t.app, 'rm-life');
    await createVersion(t.app, 'rm-life');
    const renamed = await post(t.app, '/registered-models/rename', {
      name: 'rm-life',
      new_name: 'rm-life-2',
    });
    expect(renamed.json).toMatchObject({
      registered_model: { name: 'rm-life-2', latest_versions: [{ version: '1' }] },
    });
    const updated = await send(t.app, 'PATCH', '/registered-models/update', {
      name: 'rm-life-2',
      description: 'hi',
    });
    expect(updated.json).toMatchObject({ registered_model: { description: 'hi' } });
    expect((await send(t.app, 'DELETE', '/registered-models/delete', { name: 'rm-life-2' })).json).toEqual(
      {},
    );
    expect((await get(t.app, '/registered-models/get', { name: 'rm-life-2' })).status).toBe(404);
  });

  it('sets and deletes tags, sets, reads and deletes aliases', async () => {
    await createModel(t.app, 'rm-tags');
    await createVersion(t.app, 'rm-tags');
    expect(
      (await post(t.app, '/registered-models/set-tag', { name: 'rm-tags', key: 'k', value: 'v' })).json,
    ).toEqual({});
    expect(
      (await send(t.app, 'DELETE', '/registered-models/delete-tag', { name: 'rm-tags', key: 'k' })).json,
    ).toEqual({});
    expect(
      (await post(t.app, '/registered-models/alias', { name: 'rm-tags', alias: 'champ', version: '1' })).json,
    ).toEqual({});
    const byAlias = await get(t.app, '/registered-models/alias', { name: 'rm-tags', alias: 'champ' });
    expect(byAlias.json).toMatchObject({
      model_version: { name: 'rm-tags', version: '1', aliases: ['champ'] },
    });
    const rm = await get(t.app, '/registered-models/get', { name: 'rm-tags' });
    expect(rm.json).toMatchObject({ registered_model: { aliases: [{ alias: 'champ', version: '1' }] } });
    expect(
      (await send(t.app, 'DELETE', '/registered-models/alias', { name: 'rm-tags', alias: 'champ' })).json,
    ).toEqual({});
  });

  it('answers get-latest-versions by POST and GET', async () => {
    await createModel(t.app, 'rm-latest');
    await createVersion(t.app, 'rm-latest');
    await createVersion(t.app, 'rm-latest');
    await post(t.app, '/model-versions/transition-stage', {
      name: 'rm-latest',
      version: '1',
      stage: 'Production',
    });
    const byPost = await post(t.app, '/registered-models/get-latest-versions', {
      name: 'rm-latest',
      stages: ['production'],
    });
    expect(
      (byPost.json as { model_versions: { version: string }[] }).model_versions.map((v) => v.version),
    ).toEqual(['1']);
    const byGet = await get(t.app, '/registered-models/get-latest-versions', { name: 'rm-latest' });
    expect(
      (byGet.json as { model_versions: { version: string }[] }).model_versions.map((v) => v.version),
    ).toEqual(['1', '2']);
  });

  it('is mirrored under /ajax-api', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/ajax-api/2.0/mlflow/registered-models/get?name=m1',
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('registered models: errors', () => {
  const INVALID = 'INVALID_PARAMETER_VALUE';
  const MISSING = 'RESOURCE_DOES_NOT_EXIST';
  // One row per case, recorded from MLflow 3.18.0's server.
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'create without name', send: () => post(t.app, '/registered-models/create', {}), status: 400, code: INVALID, message: missing('name') },
    { name: 'create with a numeric name', send: () => post(t.app, '/registered-models/create', { name: 123 }), status: 400, code: INVALID, message: badType('name', '123', 'int') },
    { name: 'create with a slash in the name', send: () => post(t.app, '/registered-models/create', { name: 'a/b' }), status: 400, code: INVALID, message: "Invalid model name 'a/b'. Names cannot contain '/' or ':'." },
    { name: 'create with tags not a list', send: () => post(t.app, '/registered-models/create', { name: 'x', tags: 'abc' }), status: 400, code: INVALID, message: badType('tags', '"abc"', 'str') },
    { name: 'create with a tag key that normalises away', send: () => post(t.app, '/registered-models/create', { name: 'x', tags: [{ key: 'a/../b', value: 'v' }] }), status: 400, code: INVALID, message: "Invalid value \"a/../b\" for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to 'b'" },
    { name: 'create a taken name', send: () => post(t.app, '/registered-models/create', { name: 'm1' }), status: 400, code: 'RESOURCE_ALREADY_EXISTS', message: 'Registered Model (name=m1) already exists.' },
    { name: 'rename an unknown model', send: () => post(t.app, '/registered-models/rename', { name: 'nope', new_name: 'x' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
    { name: 'rename without new_name', send: () => post(t.app, '/registered-models/rename', { name: 'nope' }), status: 400, code: INVALID, message: missing('new_name') },
    { name: 'update an unknown model', send: () => send(t.app, 'PATCH', '/registered-models/update', { name: 'nope', description: 'd' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
    { name: 'delete an unknown model', send: () => send(t.app, 'DELETE', '/registered-models/delete', { name: 'nope' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
    { name: 'get without name', send: () => get(t.app, '/registered-models/get'), status: 400, code: INVALID, message: missing('name') },
    { name: 'get an unknown model', send: () => get(t.app, '/registered-models/get', { name: 'nope' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
    { name: 'latest versions of an unknown model', send: () => get(t.app, '/registered-models/get-latest-versions', { name: 'nope' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
    { name: 'latest versions of a bad stage', send: () => post(t.app, '/registered-models/get-latest-versions', { name: 'm1', stages: ['bogus'] }), status: 400, code: INVALID, message: 'Invalid Model Version stage: bogus. Value must be one of None, Staging, Production, Archived.' },
    { name: 'set a tag on an unknown model', send: () => post(t.app, '/registered-models/set-tag', { name: 'nope', key: 'k', value: 'v' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
    { name: 'set a too long tag value', send: () => post(t.app, '/registered-models/set-tag', { name: 'm1', key: 'k', value: 'v'.repeat(100001) }), status: 400, code: INVALID, message: "'value' exceeds the maximum length of 100000 characters" },
    { name: 'set a too long tag key', send: () => post(t.app, '/registered-models/set-tag', { name: 'm1', key: 'k'.repeat(251), value: 'v' }), status: 400, code: INVALID, message: "'key' exceeds the maximum length of 250 characters" },
    { name: 'delete a tag of an unknown model', send: () => send(t.app, 'DELETE', '/registered-models/delete-tag', { name: 'nope', key: 'k' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
    { name: 'delete a tag without key', send: () => send(t.app, 'DELETE', '/registered-models/delete-tag', { name: 'm1' }), status: 400, code: INVALID, message: missing('key') },
    { name: 'alias named latest', send: () => post(t.app, '/registered-models/alias', { name: 'm1', alias: 'latest', version: '1' }), status: 400, code: INVALID, message: "'latest' alias name (case insensitive) is reserved." },
    { name: 'alias named like a version', send: () => post(t.app, '/registered-models/alias', { name: 'm1', alias: 'V3', version: '1' }), status: 400, code: INVALID, message: "Version alias name 'V3' is reserved." },
    { name: 'alias with a dot', send: () => post(t.app, '/registered-models/alias', { name: 'm1', alias: 'a.b', version: '1' }), status: 400, code: INVALID, message: "Invalid alias name: 'a.b'. Names may only contain alphanumerics, underscores (_), and dashes (-)." },
    { name: 'alias to a non-integer version', send: () => post(t.app, '/registered-models/alias', { name: 'm1', alias: 'ok', version: 'x' }), status: 400, code: INVALID, message: "Parameter 'version' must be an integer, got 'x'." },
    { name: 'alias to an unknown version', send: () => post(t.app, '/registered-models/alias', { name: 'm1', alias: 'ok', version: '99' }), status: 404, code: MISSING, message: 'Model Version (name=m1, version=99) not found' },
    { name: 'alias without version', send: () => post(t.app, '/registered-models/alias', { name: 'm1', alias: 'ok' }), status: 400, code: INVALID, message: missing('version') },
    { name: 'alias too long', send: () => post(t.app, '/registered-models/alias', { name: 'm1', alias: 'a'.repeat(256), version: '1' }), status: 400, code: INVALID, message: "'Registered model alias name' exceeds the maximum length of 255 characters" },
    { name: 'delete an alias of an unknown model', send: () => send(t.app, 'DELETE', '/registered-models/alias', { name: 'nope', alias: 'a' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
    { name: 'get an unknown alias', send: () => get(t.app, '/registered-models/alias', { name: 'm1', alias: 'nope' }), status: 400, code: INVALID, message: 'Registered model alias nope not found.' },
    { name: 'get an alias of an unknown model', send: () => get(t.app, '/registered-models/alias', { name: 'nope', alias: 'x' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
  ];
  errorTable(cases);
});
