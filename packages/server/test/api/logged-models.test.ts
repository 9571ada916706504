// API tests of the logged-model endpoints (create, get, finalize, delete, tags, params): ok and error tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badType,
  errorTable,
  get,
  inject,
  missing,
  post,
  startTestApp,
  type ApiResponse,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
let exp = '';
let modelId = '';
beforeAll(async () => {
  t = await startTestApp();
  exp = ((await post(t.app, '/experiments/create', { name: 'lm-api' })).json as { experiment_id: string })
    .experiment_id;
  modelId = (await createModel({ name: 'base' })).model.info.model_id;
});
afterAll(async () => t.close());

interface ModelJson {
  model: { info: Record<string, unknown> & { model_id: string }; data: Record<string, unknown> };
}

function send(method: 'PATCH' | 'DELETE' | 'POST', path: string, body?: unknown): Promise<ApiResponse> {
  return inject(t.app, {
    method,
    url: `/api/2.0/mlflow${path}`,
    ...(body === undefined
      ? {}
      : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
}

async function createModel(extra: Record<string, unknown> = {}): Promise<ModelJson> {
  const res = await post(t.app, '/logged-models', { experiment_id: exp, ...extra });
  expect(res.status).toBe(200);
  return res.json as ModelJson;
}

describe('logged models: ok', () => {
  it('creates a pending model with MLflow JSON (empty model_type/source_run_id kept, no status_message)', async () => {
    const res = await createModel({
      tags: [{ key: 'a', value: '1' }],
      params: [{ key: 'p', value: 'v' }],
      model_type: 't',
    });
    const info = res.model.info;
    expect(info.model_id).toMatch(/^m-[0-9a-f]{32}$/);
    expect(info.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    expect(res).toEqual({
      model: {
        info: {
          model_id: info.model_id,
          experiment_id: exp,
          name: info.name,
          creation_timestamp_ms: info.creation_timestamp_ms,
          last_updated_timestamp_ms: info.creation_timestamp_ms,
          artifact_uri: `mlflow-artifacts:/${exp}/models/${info.model_id}/artifacts`,
          status: 'LOGGED_MODEL_PENDING',
          model_type: 't',
          source_run_id: '',
          tags: [{ key: 'a', value: '1' }],
        },
        data: { params: [{ key: 'p', value: 'v' }] },
      },
    });
    const bare = await createModel({ name: 'bare' });
    expect(bare.model.data).toEqual({});
    expect(bare.model.info.tags).toBeUndefined();
    const got = await get(t.app, `/logged-models/${info.model_id}`);
    expect(got.json).toEqual(res);
  });

  it('reads a tag without value as "" and a param without key as ""', async () => {
    const res = await createModel({ tags: [{ key: 'p' }], params: [{ value: 'x' }] });
    expect(res.model.info.tags).toEqual([{ key: 'p', value: '' }]);
    expect(res.model.data).toEqual({ params: [{ key: '', value: 'x' }] });
  });

  it('finalizes by path id (the body id only has to be there); unknown status numbers read as UNSPECIFIED', async () => {
    const id = (await createModel()).model.info.model_id;
    const ready = await send('PATCH', `/logged-models/${id}`, {
      model_id: 'm-other',
      status: 'LOGGED_MODEL_READY',
    });
    expect(ready.status).toBe(200);
    expect((ready.json as ModelJson).model.info).toMatchObject({
      model_id: id,
      status: 'LOGGED_MODEL_READY',
    });
    const failed = await send('PATCH', `/logged-models/${id}`, { model_id: id, status: 3 });
    expect((failed.json as ModelJson).model.info.status).toBe('LOGGED_MODEL_UPLOAD_FAILED');
    const odd = await send('PATCH', `/logged-models/${id}`, { model_id: id, status: 7 });
    expect((odd.json as ModelJson).model.info.status).toBe('LOGGED_MODEL_STATUS_UNSPECIFIED');
  });

  it('sets, overwrites and deletes tags; logs params', async () => {
    const id = (await createModel()).model.info.model_id;
    expect(
      (await send('PATCH', `/logged-models/${id}/tags`, { tags: [{ key: 'b', value: '2' }] })).json,
    ).toEqual({});
    expect(
      (await send('PATCH', `/logged-models/${id}/tags`, { tags: [{ key: 'b', value: '3' }, { key: 'c' }] }))
        .status,
    ).toBe(200);
    expect((await send('PATCH', `/logged-models/${id}/tags`, {})).status).toBe(200);
    let model = (await get(t.app, `/logged-models/${id}`)).json as ModelJson;
    expect(model.model.info.tags).toEqual([
      { key: 'b', value: '3' },
      { key: 'c', value: '' },
    ]);
    expect((await send('DELETE', `/logged-models/${id}/tags/b`)).json).toEqual({});
    expect(
      (
        await send('POST', `/logged-models/${id}/params`, {
          model_id: id,
          params: [{ key: 'q', value: '1' }],
        })
      ).json,
    ).toEqual({});
    expect((await send('POST', `/logged-models/${id}/params`, { model_id: id })).status).toBe(200);
    model = (await get(t.app, `/logged-models/${id}`)).json as ModelJson;
    expect(model.model.info.tags).toEqual([{ key: 'c', value: '' }]);
    expect(model.model.data).toEqual({ params: [{ key: 'q', value: '1' }] });
  });

  it('soft-deletes: get answers 404 unless allow_deleted=true', async () => {
    const id = (await createModel()).model.info.model_id;
    expect((await send('DELETE', `/logged-models/${id}`)).json).toEqual({});
    expect((await get(t.app, `/logged-models/${id}`)).status).toBe(404);
    const again = await get(t.app, `/logged-models/${id}`, { allow_deleted: 'TRUE' });
    expect(again.status).toBe(200);
    expect((await send('DELETE', `/logged-models/${id}`)).status).toBe(200);
  });

  it('records metrics logged with a model id on the model', async () => {
    const id = (await createModel()).model.info.model_id;
    const run = (
      (await post(t.app, '/runs/create', { experiment_id: exp })).json as {
        run: { info: { run_id: string } };
      }
    ).run.info.run_id;
    const logged = await post(t.app, '/runs/log-metric', {
      run_id: run,
      key: 'acc',
      value: 0.5,
      timestamp: 1,
      step: 2,
      model_id: id,
      dataset_name: 'ds',
      dataset_digest: 'd1',
    });
    expect(logged.status).toBe(200);
    const model = (await get(t.app, `/logged-models/${id}`)).json as ModelJson;
    expect(model.model.data.metrics).toEqual([
      {
        key: 'acc',
        value: 0.5,
        timestamp: 1,
        step: 2,
        dataset_name: 'ds',
        dataset_digest: 'd1',
        model_id: id,
        run_id: run,
      },
    ]);
  });
});

describe('logged models: errors', () => {
  const notFound = "Logged model with ID 'm-nope' not found.";
  const badName = (shown: string): string =>
    `Invalid model name (${shown}) provided. Model name must be a non-empty string and cannot contain the following characters: ('/', ':', '.', '%', '"', "'")`;
  const integrity = (table: string): RegExp =>
    new RegExp(`^\\(sqlite3\\.IntegrityError\\) UNIQUE constraint failed: ${table}\\.model_id, ${table}\\.`);
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'create without experiment_id', send: () => post(t.app, '/logged-models', {}), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('experiment_id') },
    { name: 'create with a numeric name', send: () => post(t.app, '/logged-models', { experiment_id: exp, name: 5 }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('name', '5', 'int') },
    { name: 'create with a dotted name', send: () => post(t.app, '/logged-models', { experiment_id: exp, name: 'a.b' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badName("'a.b'") },
    { name: 'create with a quote in the name', send: () => post(t.app, '/logged-models', { experiment_id: exp, name: "it's" }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badName('"it\'s"') },
    { name: 'create in an unknown experiment', send: () => post(t.app, '/logged-models', { experiment_id: '999999' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=999999 exists' },
    { name: 'create with a non-integer experiment id', send: () => post(t.app, '/logged-models', { experiment_id: 'abc' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid experiment ID 'abc'. Experiment ID must be a valid integer." },
    { name: 'finalize without model_id in the body', send: () => send('PATCH', `/logged-models/${modelId}`, { status: 'LOGGED_MODEL_READY' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('model_id') },
    { name: 'finalize without status', send: () => send('PATCH', `/logged-models/${modelId}`, { model_id: modelId }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('status') },
    { name: 'finalize an unknown model', send: () => send('PATCH', '/logged-models/m-nope', { model_id: 'm-nope', status: 2 }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: notFound },
    { name: 'get an unknown model', send: () => get(t.app, '/logged-models/m-nope'), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: notFound },
    { name: 'delete an unknown model', send: () => send('DELETE', '/logged-models/m-nope'), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: notFound },
    { name: 'set tags on an unknown model', send: () => send('PATCH', '/logged-models/m-nope/tags', { tags: [{ key: 'b', value: '2' }] }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: notFound },
    { name: 'set tags that are not a list', send: () => send('PATCH', `/logged-models/${modelId}/tags`, { tags: 'x' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('tags', '"x"', 'str') },
    { name: 'delete a tag of an unknown model', send: () => send('DELETE', '/logged-models/m-nope/tags/b'), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: notFound },
    { name: 'delete a missing tag', send: () => send('DELETE', `/logged-models/${modelId}/tags/zz`), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: () => `No tag with key 'zz' found for model with ID '${modelId}'.` },
    { name: 'log params without model_id in the body', send: () => send('POST', `/logged-models/${modelId}/params`, { params: [] }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('model_id') },
    { name: 'log params on an unknown model', send: () => send('POST', '/logged-models/m-nope/params', { model_id: 'm-nope', params: [{ key: 'q', value: '1' }] }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: notFound },
  ];
  errorTable(cases);

  it('refuses a key twice in one create as MLflow integrity errors (BAD_REQUEST, every row shown)', async () => {
    const dup = [
      { key: 'p', value: 'v' },
      { key: 'p', value: 'w' },
    ];
    for (const field of ['params', 'tags'] as const) {
      const res = await post(t.app, '/logged-models', { experiment_id: exp, [field]: dup });
      expect(res.status).toBe(400);
      const body = res.json as { error_code: string; message: string };
      expect(body.error_code).toBe('BAD_REQUEST');
      expect(body.message).toMatch(
        integrity(field === 'params' ? 'logged_model_params' : 'logged_model_tags'),
      );
      expect(body.message).toMatch(
        new RegExp(
          `\\[parameters: \\[\\('m-[0-9a-f]{32}', '${exp}', 'p', 'v'\\), \\('m-[0-9a-f]{32}', '${exp}', 'p', 'w'\\)\\]\\]`,
        ),
      );
    }
  });

  it('refuses a param logged twice, showing the stored experiment id as a number', async () => {
    const id = (await createModel()).model.info.model_id;
    await send('POST', `/logged-models/${id}/params`, { model_id: id, params: [{ key: 'q', value: '1' }] });
    const res = await send('POST', `/logged-models/${id}/params`, {
      model_id: id,
      params: [{ key: 'q', value: '1' }],
    });
    expect(res.status).toBe(400);
    expect((res.json as { message: string }).message).toContain(`[parameters: ('${id}', ${exp}, 'q', '1')]`);
  });

  it('refuses metrics naming an unknown model with the foreign-key error', async () => {
    const run = (
      (await post(t.app, '/runs/create', { experiment_id: exp })).json as {
        run: { info: { run_id: string } };
      }
    ).run.info.run_id;
    const res = await post(t.app, '/runs/log-metric', {
      run_id: run,
      key: 'acc',
      value: 0.1,
      timestamp: 1,
      step: 0,
      model_id: 'm-unknown',
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error_code: 'BAD_REQUEST',
      message: expect.stringMatching(/^\(sqlite3\.IntegrityError\) FOREIGN KEY constraint failed/),
    });
  });
});
