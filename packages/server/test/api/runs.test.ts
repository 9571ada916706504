// API tests of the run endpoints: create/update/get/delete/restore/search, ok and error tables.
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

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface RunJson {
  info: Record<string, unknown> & { run_id: string };
  data: { tags?: { key: string; value: string }[] };
}

async function createRun(body: Record<string, unknown> = {}): Promise<RunJson> {
  const res = await post(t.app, '/runs/create', { experiment_id: '0', ...body });
  expect(res.status).toBe(200);
  return (res.json as { run: RunJson }).run;
}

async function newExperiment(name: string): Promise<string> {
  return ((await post(t.app, '/experiments/create', { name })).json as { experiment_id: string })
    .experiment_id;
}

describe('runs: ok', () => {
  it('creates with every argument', async () => {
    const run = await createRun({
      user_id: 'alice',
      run_name: 'r1',
      start_time: 1000,
      tags: [{ key: 't', value: 'v' }],
    });
    expect(run.info).toMatchObject({
      run_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      run_uuid: run.info.run_id,
      experiment_id: '0',
      run_name: 'r1',
      user_id: 'alice',
      status: 'RUNNING',
      start_time: 1000,
      lifecycle_stage: 'active',
      artifact_uri: `mlflow-artifacts:/0/${run.info.run_id}/artifacts`,
    });
    expect(run.data.tags).toEqual(
      expect.arrayContaining([
        { key: 't', value: 'v' },
        { key: 'mlflow.runName', value: 'r1' },
      ]),
    );
  });

  it('passes proto defaults through: user_id "" and start_time 0 when absent, a generated name', async () => {
    const run = await createRun();
    expect(run.info).toMatchObject({
      user_id: '',
      start_time: 0,
      run_name: expect.stringMatching(/^[a-z]+-[a-z]+-\d+$/),
    });
  });

  it('updates status and end time, then only the name (status kept), by run_uuid too', async () => {
    const run = await createRun({ start_time: 1 });
    const done = await post(t.app, '/runs/update', {
      run_id: run.info.run_id,
      status: 'FINISHED',
      end_time: 2000,
    });
    expect(done.json).toMatchObject({ run_info: { status: 'FINISHED', end_time: 2000 } });
    const renamed = await post(t.app, '/runs/update', { run_uuid: run.info.run_id, run_name: 'renamed' });
    expect(renamed.json).toMatchObject({
      run_info: { run_id: run.info.run_id, status: 'FINISHED', run_name: 'renamed' },
    });
  });

  it('gets a run by run_id and by the run_uuid alias', async () => {
    const run = await createRun({ run_name: 'alias' });
    const byId = await get(t.app, '/runs/get', { run_id: run.info.run_id });
    const byUuid = await get(t.app, '/runs/get', { run_uuid: run.info.run_id });
    expect(byId.status).toBe(200);
    expect(byUuid.json).toEqual(byId.json);
  });

  it('deletes and restores', async () => {
    const run = await createRun();
    expect((await post(t.app, '/runs/delete', { run_id: run.info.run_id })).json).toEqual({});
    expect((await get(t.app, '/runs/get', { run_id: run.info.run_id })).json).toMatchObject({
      run: { info: { lifecycle_stage: 'deleted' } },
    });
    expect((await post(t.app, '/runs/restore', { run_id: run.info.run_id })).json).toEqual({});
    expect((await get(t.app, '/runs/get', { run_id: run.info.run_id })).json).toMatchObject({
      run: { info: { lifecycle_stage: 'active' } },
    });
  });

  it('searches with a filter and order, pages of 4 ordered by run_id on start_time ties', async () => {
    const exp = await newExperiment('search-runs');
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1)
      ids.push((await createRun({ experiment_id: exp, start_time: 7 })).info.run_id);
    ids.sort();
    const seen: string[] = [];
    let token: string | undefined;
    for (const size of [4, 4, 2]) {
      const res = await post(t.app, '/runs/search', {
        experiment_ids: [exp],
        max_results: 4,
        page_token: token,
      });
      const body = res.json as { runs: RunJson[]; next_page_token?: string };
      expect(body.runs).toHaveLength(size);
      seen.push(...body.runs.map((r) => r.info.run_id));
      token = body.next_page_token;
    }
    expect(seen).toEqual(ids);
    const filtered = await post(t.app, '/runs/search', {
      experiment_ids: [exp],
      filter: `attributes.run_id = '${ids[3]}'`,
      order_by: ['start_time DESC'],
    });
    expect((filtered.json as { runs: RunJson[] }).runs.map((r) => r.info.run_id)).toEqual([ids[3]]);
  });

  it('searches deleted runs by view type, and answers {} when nothing matches', async () => {
    const exp = await newExperiment('search-deleted');
    const run = await createRun({ experiment_id: exp });
    await post(t.app, '/runs/delete', { run_id: run.info.run_id });
    expect((await post(t.app, '/runs/search', { experiment_ids: [exp] })).json).toEqual({});
    const deleted = await post(t.app, '/runs/search', {
      experiment_ids: [exp],
      run_view_type: 'DELETED_ONLY',
    });
    expect((deleted.json as { runs: RunJson[] }).runs.map((r) => r.info.run_id)).toEqual([run.info.run_id]);
  });

  it('is mirrored under /ajax-api', async () => {
    const run = await createRun();
    const res = await t.app.inject({
      method: 'GET',
      url: `/ajax-api/2.0/mlflow/runs/get?run_id=${run.info.run_id}`,
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('runs: errors', () => {
  // One row per case: the table reads better unwrapped.
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'update without run_id', send: () => post(t.app, '/runs/update', {}), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('run_id') },
    { name: 'update an unknown run', send: () => post(t.app, '/runs/update', { run_id: 'nope' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=nope not found' },
    { name: 'update with a text end_time', send: () => post(t.app, '/runs/update', { run_id: 'x', end_time: 'abc' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('end_time', '"abc"', 'str') },
    { name: 'get an unknown run', send: () => get(t.app, '/runs/get', { run_id: 'nope' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=nope not found' },
    { name: 'get without run_id', send: () => get(t.app, '/runs/get'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('run_id') },
    { name: 'delete an unknown run', send: () => post(t.app, '/runs/delete', { run_id: 'nope' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=nope not found' },
    // delete declares no run_uuid: the alias passes the required check but names no run.
    { name: 'delete by run_uuid only', send: () => post(t.app, '/runs/delete', { run_uuid: 'abc' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id= not found' },
    { name: 'create in an unknown experiment', send: () => post(t.app, '/runs/create', { experiment_id: '99999' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=99999 exists' },
    { name: 'create with a text start_time', send: () => post(t.app, '/runs/create', { experiment_id: '0', start_time: 'abc' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('start_time', '"abc"', 'str') },
    { name: 'create with run_name and a different mlflow.runName tag', send: () => post(t.app, '/runs/create', { experiment_id: '0', run_name: 'b', tags: [{ key: 'mlflow.runName', value: 'a' }] }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='b', mlflow.runName='a')." },
    { name: 'search over 50000 results', send: () => post(t.app, '/runs/search', { experiment_ids: ['0'], max_results: 123456789 }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('max_results', '123456789', 'int') },
    { name: 'search with max_results 0', send: () => post(t.app, '/runs/search', { experiment_ids: ['0'], max_results: 0 }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer" },
    { name: 'search with max_results 0 and a bad filter', send: () => post(t.app, '/runs/search', { experiment_ids: ['0'], max_results: 0, filter: 'metrics.x >' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer" },
    { name: 'search with an incomplete clause', send: () => post(t.app, '/runs/search', { experiment_ids: ['0'], filter: 'metrics.x >' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid clause(s) in filter string: 'metrics.x', '>'" },
    { name: 'search with OR', send: () => post(t.app, '/runs/search', { experiment_ids: ['0'], filter: "params.p = 'a' OR params.q = 'b'" }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid clause(s) in filter string: 'OR'" },
    { name: 'search ordered by an unknown entity', send: () => post(t.app, '/runs/search', { experiment_ids: ['0'], order_by: ['bogus.x'] }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid entity type 'bogus'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']" },
    { name: 'search with order_by not a list', send: () => post(t.app, '/runs/search', { experiment_ids: ['0'], order_by: 'start_time' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('order_by', '"start_time"', 'str') },
    { name: 'search with experiment_ids not a list', send: () => post(t.app, '/runs/search', { experiment_ids: '0' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('experiment_ids', '"0"', 'str') },
    { name: 'search with a bad page token', send: () => post(t.app, '/runs/search', { experiment_ids: ['0'], page_token: 'zzz' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid page token, could not base64-decode' },
  ];
  errorTable(cases);
});
