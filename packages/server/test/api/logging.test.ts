// API tests of the logging endpoints: metrics, params, tags, log-batch, log-model, inputs, outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  badType,
  errorTable,
  expectError,
  get,
  inject,
  missing,
  post,
  startTestApp,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
/** A fresh active run for each test. */
let runId: string;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());
beforeEach(async () => {
  const res = await post(t.app, '/runs/create', { experiment_id: '0', start_time: 1 });
  runId = (res.json as { run: { info: { run_id: string } } }).run.info.run_id;
});

interface RunData {
  metrics?: { key: string; value: unknown; timestamp: number; step: number }[];
  params?: { key: string; value: string }[];
  tags?: { key: string; value: string }[];
}

async function runData(id = runId): Promise<RunData> {
  return ((await get(t.app, '/runs/get', { run_id: id })).json as { run: { data: RunData } }).run.data;
}

async function history(key: string, id = runId): Promise<unknown[]> {
  const res = await get(t.app, '/metrics/get-history', { run_id: id, metric_key: key });
  return (res.json as { metrics?: unknown[] }).metrics ?? [];
}

describe('logging: ok', () => {
  it('logs metrics with a default step of 0, by run_uuid too', async () => {
    expect(
      (await post(t.app, '/runs/log-metric', { run_id: runId, key: 'm', value: 0.5, timestamp: 10 })).json,
    ).toEqual({});
    await post(t.app, '/runs/log-metric', { run_uuid: runId, key: 'm', value: 1.5, timestamp: 11, step: 1 });
    expect(await history('m')).toEqual([
      { key: 'm', value: 0.5, timestamp: 10, step: 0 },
      { key: 'm', value: 1.5, timestamp: 11, step: 1 },
    ]);
  });

  it('round-trips NaN sent as "NaN"', async () => {
    await post(t.app, '/runs/log-metric', { run_id: runId, key: 'n', value: 'NaN', timestamp: 1 });
    const res = await get(t.app, '/metrics/get-history', { run_id: runId, metric_key: 'n' });
    expect(res.text).toContain('"value":"NaN"');
    expect((res.json as { metrics: unknown[] }).metrics).toEqual([
      { key: 'n', value: 'NaN', timestamp: 1, step: 0 },
    ]);
  });

  // Checked against MLflow 3.18: protobuf's ParseDict rejects a bare NaN number, the handler keeps
  // the partly parsed message, and the point lands as value 0 at timestamp 0.
  it("stores Python's bare NaN token the way MLflow does (value 0, timestamp 0)", async () => {
    const bare = await inject(t.app, {
      method: 'POST',
      url: '/api/2.0/mlflow/runs/log-metric',
      headers: { 'content-type': 'application/json' },
      payload: `{"run_id": "${runId}", "key": "n", "value": NaN, "timestamp": 2}`,
    });
    expect(bare.status).toBe(200);
    expect(await history('n')).toEqual([{ key: 'n', value: 0, timestamp: 0, step: 0 }]);
  });

  it('stores ±Infinity as ±max double, as MLflow does', async () => {
    await post(t.app, '/runs/log-metric', { run_id: runId, key: 'inf', value: 'Infinity', timestamp: 1 });
    await post(t.app, '/runs/log-metric', { run_id: runId, key: 'inf', value: '-Infinity', timestamp: 2 });
    expect(await history('inf')).toEqual([
      { key: 'inf', value: 1.7976931348623157e308, timestamp: 1, step: 0 },
      { key: 'inf', value: -1.7976931348623157e308, timestamp: 2, step: 0 },
    ]);
  });

  it('logs params (same value again is fine, a missing value is "") and tags', async () => {
    await post(t.app, '/runs/log-parameter', { run_id: runId, key: 'p', value: 'a' });
    expect((await post(t.app, '/runs/log-parameter', { run_id: runId, key: 'p', value: 'a' })).status).toBe(
      200,
    );
    await post(t.app, '/runs/log-parameter', { run_id: runId, key: 'q' });
    await post(t.app, '/runs/set-tag', { run_uuid: runId, key: 't', value: '' });
    const data = await runData();
    expect(data.params).toEqual(
      expect.arrayContaining([
        { key: 'p', value: 'a' },
        { key: 'q', value: '' },
      ]),
    );
    expect(data.tags).toEqual(expect.arrayContaining([{ key: 't', value: '' }]));
    expect((await post(t.app, '/runs/delete-tag', { run_id: runId, key: 't' })).json).toEqual({});
    expect((await runData()).tags?.some((tag) => tag.key === 't')).toBe(false);
  });

  it('logs a batch of 1000 entities (998 metrics, a param, a tag) in one request', async () => {
    const metrics = Array.from({ length: 998 }, (_, i) => ({
      key: `m${i % 10}`,
      value: i,
      timestamp: 100 + i,
      step: i,
    }));
    const res = await post(t.app, '/runs/log-batch', {
      run_id: runId,
      metrics,
      params: [{ key: 'bp', value: 'x' }],
      tags: [{ key: 'bt', value: 'y' }],
    });
    expect(res.json).toEqual({});
    expect(await history('m3')).toHaveLength(100);
    const data = await runData();
    expect(data.params).toEqual([{ key: 'bp', value: 'x' }]);
    expect(data.metrics).toContainEqual({ key: 'm7', value: 997, timestamp: 1097, step: 997 });
  });

  it("appends to the log-model history tag in MLflow's JSON layout", async () => {
    const model = {
      artifact_path: 'model',
      flavors: { python_function: { config: { a: 1 }, loader_module: 'x' } },
      utc_time_created: '2024-01-01 00:00:00.000000',
      run_id: runId,
      model_uuid: 'u1',
    };
    expect(
      (await post(t.app, '/runs/log-model', { run_id: runId, model_json: JSON.stringify(model) })).json,
    ).toEqual({});
    const second = {
      artifact_path: 'm2',
      flavors: {},
      utc_time_created: '2024-02-02 00:00:00',
      run_id: null,
    };
    await post(t.app, '/runs/log-model', { run_id: runId, model_json: JSON.stringify(second) });
    const tag = (await runData()).tags?.find((x) => x.key === 'mlflow.log-model.history');
    expect(tag?.value).toBe(
      `[{"run_id": "${runId}", "artifact_path": "model", "utc_time_created": "2024-01-01 00:00:00.000000", ` +
        '"model_uuid": "u1", "flavors": {"python_function": {"loader_module": "x"}}}, ' +
        '{"artifact_path": "m2", "utc_time_created": "2024-02-02 00:00:00", "model_uuid": null, "flavors": {}}]',
    );
  });

  it('logs dataset inputs and model outputs, shown on the run', async () => {
    const dataset = { name: 'd', digest: 'abc', source_type: 'local', source: '{}' };
    const inputs = await post(t.app, '/runs/log-inputs', {
      run_id: runId,
      datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'train' }], dataset }],
    });
    expect(inputs.json).toEqual({});
    expect(
      (await post(t.app, '/runs/outputs', { run_id: runId, models: [{ model_id: 'm-1', step: 3 }] })).json,
    ).toEqual({});
    const run = (await get(t.app, '/runs/get', { run_id: runId })).json as { run: Record<string, unknown> };
    expect(run.run).toMatchObject({
      inputs: { dataset_inputs: [{ tags: [{ key: 'mlflow.data.context', value: 'train' }], dataset }] },
      outputs: { model_outputs: [{ model_id: 'm-1', step: 3 }] },
    });
  });
});

describe('logging: errors', () => {
  const metric = (extra: Record<string, unknown>) => () =>
    post(t.app, '/runs/log-metric', { run_id: runId, key: 'm', value: 1, timestamp: 1, ...extra });
  const batch = (extra: Record<string, unknown>) => () =>
    post(t.app, '/runs/log-batch', { run_id: runId, ...extra });
  const modelJson = JSON.stringify({ artifact_path: 'm', flavors: {}, utc_time_created: 'x', run_id: 'r' });
  const badName = (name: string, field: string, resolved: string): string =>
    `Invalid value "${name}" for parameter '${field}' supplied: Names may be treated as files in certain cases, ` +
    `and must not resolve to other names when treated as such. This name would resolve to '${resolved}'`;

  // One row per case: the table reads better unwrapped.
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'metric without value', send: () => post(t.app, '/runs/log-metric', { run_id: runId, key: 'm', timestamp: 2 }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('value') },
    { name: 'metric with a text value', send: metric({ value: 'abc' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('value', '"abc"', 'str') },
    { name: 'metric with a negative timestamp', send: metric({ timestamp: -1 }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid value -1 for parameter 'timestamp' supplied: metric 'm' (value=1.0). Timestamp must be a nonnegative long (64-bit integer) " },
    { name: 'metric with a text timestamp', send: metric({ timestamp: 'x' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('timestamp', '"x"', 'str') },
    { name: 'metric with a path-like key', send: metric({ key: '../bad' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badName('../bad', 'name', '../bad') },
    { name: 'metric on an unknown run', send: () => post(t.app, '/runs/log-metric', { run_id: 'nope', key: 'm', value: 1, timestamp: 1 }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=nope not found' },
    { name: 'param with a numeric value', send: () => post(t.app, '/runs/log-parameter', { run_id: runId, key: 'z', value: 5 }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('value', '5', 'int') },
    { name: 'tag with a too long key', send: () => post(t.app, '/runs/set-tag', { run_id: runId, key: 't'.repeat(251), value: 'v' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "'key' exceeds the maximum length of 250 characters" },
    { name: 'set-tag without key', send: () => post(t.app, '/runs/set-tag', { run_id: runId, value: 'v' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('key') },
    { name: 'delete a missing tag', send: () => post(t.app, '/runs/delete-tag', { run_id: runId, key: 'missing' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: () => `No tag with name: missing in run with id ${runId}` },
    { name: 'delete a tag of an unknown run', send: () => post(t.app, '/runs/delete-tag', { run_id: 'nope', key: 'k' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=nope not found' },
    { name: 'batch of 1001 metrics', send: batch({ metrics: Array.from({ length: 1001 }, () => ({ key: 'b', value: 1, timestamp: 1 })) }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.' },
    { name: 'batch of 1001 entities in total', send: batch({ metrics: Array.from({ length: 1000 }, () => ({ key: 'b', value: 1, timestamp: 1 })), params: [{ key: 'p', value: 'x' }] }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'A batch logging request can contain at most 1000 metrics, params, and tags. Got 1001 metrics, params, and tags. Please split up metrics, params, and tags across multiple requests and try again.' },
    { name: 'batch of 101 params', send: batch({ params: Array.from({ length: 101 }, (_, i) => ({ key: `k${i}`, value: 'x' })) }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'A batch logging request can contain at most 100 params. Got 101 params. Please split up params across multiple requests and try again.' },
    { name: 'batch metric without timestamp', send: batch({ metrics: [{ key: 'c', value: 1 }] }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('metrics[0].timestamp') },
    { name: 'batch with metrics not a list', send: batch({ metrics: 'x' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: badType('metrics', '"x"', 'str') },
    { name: 'batch without run_id', send: () => post(t.app, '/runs/log-batch', { metrics: [] }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('run_id') },
    { name: 'batch with an empty body (MLflow crashes: 500)', send: () => inject(t.app, { method: 'POST', url: '/api/2.0/mlflow/runs/log-batch', headers: { 'content-type': 'application/json' }, payload: '' }), status: 500, code: 'INTERNAL_ERROR', message: 'Malformed request: log-batch needs a JSON body' },
    { name: 'log-model with bad JSON', send: () => post(t.app, '/runs/log-model', { run_id: runId, model_json: 'not json' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Malformed model info. \n not json \n is not a valid JSON.' },
    { name: 'log-model missing fields', send: () => post(t.app, '/runs/log-model', { run_id: runId, model_json: '{"artifact_path": "m"}' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Model json is missing mandatory fields: {'flavors', 'utc_time_created', 'run_id'}" },
    { name: 'log-model without model_json', send: () => post(t.app, '/runs/log-model', { run_id: runId }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('model_json') },
    { name: 'log-model on an unknown run', send: () => post(t.app, '/runs/log-model', { run_id: 'nope', model_json: modelJson }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=nope not found' },
    { name: 'log-inputs with a too long digest', send: () => post(t.app, '/runs/log-inputs', { run_id: runId, datasets: [{ dataset: { name: 'd', digest: 'x'.repeat(37), source_type: 'local', source: '{}' } }] }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "'digest' exceeds the maximum length of 36 characters" },
    { name: 'outputs without models', send: () => post(t.app, '/runs/outputs', { run_id: runId }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('models') },
  ];
  errorTable(cases);

  it('refuses to change a param, naming old and new value', async () => {
    await post(t.app, '/runs/log-parameter', { run_id: runId, key: 'p', value: 'a' });
    expectError(
      await post(t.app, '/runs/log-parameter', { run_id: runId, key: 'p', value: 'b' }),
      400,
      'INVALID_PARAMETER_VALUE',
      `Changing param values is not allowed. Param with key='p' was already logged with value='a' for run ID='${runId}'. Attempted logging new value 'b'.`,
    );
  });

  it('writes nothing of a batch refused by validation (duplicate param keys)', async () => {
    const res = await post(t.app, '/runs/log-batch', {
      run_id: runId,
      params: [
        { key: 'dup', value: 'x' },
        { key: 'dup', value: 'y' },
      ],
      metrics: [{ key: 'nowrite', value: 1, timestamp: 1 }],
      tags: [{ key: 'nowrite', value: 'x' }],
    });
    expectError(
      res,
      400,
      'INVALID_PARAMETER_VALUE',
      "Duplicate parameter keys have been submitted: ['dup']. Please ensure the request contains only one param value per param key.",
    );
    expect(await history('nowrite')).toEqual([]);
    expect((await runData()).tags?.some((tag) => tag.key === 'nowrite')).toBe(false);
  });

  it('writes nothing of a batch refused by the store (a changed param)', async () => {
    await post(t.app, '/runs/log-parameter', { run_id: runId, key: 'p', value: 'a' });
    const res = await post(t.app, '/runs/log-batch', {
      run_id: runId,
      metrics: [{ key: 'nowrite2', value: 1, timestamp: 1 }],
      params: [{ key: 'p', value: 'changed' }],
    });
    expectError(
      res,
      400,
      'INVALID_PARAMETER_VALUE',
      `Changing param values is not allowed. Params were already logged='[{'key': 'p', 'old_value': 'a', 'new_value': 'changed'}]' for run ID='${runId}'.`,
    );
    expect(await history('nowrite2')).toEqual([]);
  });

  it('refuses writes to a deleted run', async () => {
    await post(t.app, '/runs/delete', { run_id: runId });
    const message = `The run ${runId} must be in the 'active' state. Current state is deleted.`;
    expectError(
      await post(t.app, '/runs/log-metric', { run_id: runId, key: 'm', value: 1, timestamp: 1 }),
      400,
      'INVALID_PARAMETER_VALUE',
      message,
    );
    const model = JSON.stringify({ artifact_path: 'm', flavors: {}, utc_time_created: 'x', run_id: 'r' });
    expectError(
      await post(t.app, '/runs/log-model', { run_id: runId, model_json: model }),
      400,
      'INVALID_PARAMETER_VALUE',
      message,
    );
  });
});
