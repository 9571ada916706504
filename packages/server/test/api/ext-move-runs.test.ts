// API tests of the mlflow-ts extension POST /ajax-api/2.0/mlflow-ts/runs/move (ok and error tables).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badType,
  DOCS_HINT,
  errorTable,
  get,
  inject,
  missing,
  post,
  startTestApp,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
let source: string;
let target: string;
let deletedExperiment: string;

const URL = '/ajax-api/2.0/mlflow-ts/runs/move';
const move = (body: unknown) =>
  inject(t.app, {
    method: 'POST',
    url: URL,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

interface Info {
  run_id: string;
  experiment_id: string;
  artifact_uri: string;
  run_name?: string;
}

async function experiment(name: string): Promise<string> {
  return ((await post(t.app, '/experiments/create', { name })).json as { experiment_id: string })
    .experiment_id;
}

async function newRun(experimentId: string, name: string): Promise<Info> {
  const res = await post(t.app, '/runs/create', {
    experiment_id: experimentId,
    run_name: name,
    start_time: 1,
  });
  return (res.json as { run: { info: Info } }).run.info;
}

async function runInfo(runId: string): Promise<Info> {
  return ((await get(t.app, '/runs/get', { run_id: runId })).json as { run: { info: Info } }).run.info;
}

beforeAll(async () => {
  t = await startTestApp();
  source = await experiment('move-source');
  target = await experiment('move-target');
  deletedExperiment = await experiment('move-deleted');
  await post(t.app, '/experiments/delete', { experiment_id: deletedExperiment });
});
afterAll(async () => t.close());

describe('move runs: ok', () => {
  it('moves runs, keeps artifact_uri, and answers their infos in request order', async () => {
    const a = await newRun(source, 'a');
    const b = await newRun(source, 'b');
    const res = await move({ run_ids: [b.run_id, a.run_id], experiment_id: target });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const runs = (res.json as { runs: Info[] }).runs;
    expect(runs.map((r) => [r.run_id, r.experiment_id, r.run_name])).toEqual([
      [b.run_id, target, 'b'],
      [a.run_id, target, 'a'],
    ]);
    expect(runs[1]?.artifact_uri).toBe(a.artifact_uri);
    expect(await runInfo(a.run_id)).toMatchObject({ experiment_id: target, artifact_uri: a.artifact_uri });
    const search = await post(t.app, '/runs/search', { experiment_ids: [target] });
    expect((search.json as { runs: { info: Info }[] }).runs.map((r) => r.info.run_id).sort()).toEqual(
      [a.run_id, b.run_id].sort(),
    );
  });

  it('treats a run already in the target as moved (idempotent)', async () => {
    const c = await newRun(target, 'c');
    const res = await move({ run_ids: [c.run_id], experiment_id: target });
    expect(res.status).toBe(200);
    expect((res.json as { runs: Info[] }).runs[0]?.experiment_id).toBe(target);
  });

  it("relinks the runs' datasets to the target experiment, so search-datasets follows", async () => {
    const d = await newRun(source, 'with-dataset');
    await post(t.app, '/runs/log-inputs', {
      run_id: d.run_id,
      datasets: [
        {
          dataset: { name: 'iris', digest: 'abc123', source_type: 'local', source: '/data/iris.csv' },
          tags: [{ key: 'mlflow.data.context', value: 'training' }],
        },
      ],
    });
    expect((await move({ run_ids: [d.run_id], experiment_id: target })).status).toBe(200);
    const datasets = await inject(t.app, {
      method: 'POST',
      url: '/ajax-api/2.0/mlflow/experiments/search-datasets',
      payload: JSON.stringify({ experiment_ids: [target] }),
      headers: { 'content-type': 'application/json' },
    });
    expect((datasets.json as { dataset_summaries: unknown[] }).dataset_summaries).toContainEqual({
      experiment_id: target,
      name: 'iris',
      digest: 'abc123',
      context: 'training',
    });
    const run = (await get(t.app, '/runs/get', { run_id: d.run_id })).json as {
      run: { inputs: { dataset_inputs: { dataset: { name: string } }[] } };
    };
    expect(run.run.inputs.dataset_inputs.map((i) => i.dataset.name)).toEqual(['iris']);
  });

  it('is served under /ajax-api only, like the other mlflow-ts extensions', async () => {
    const res = await inject(t.app, { method: 'POST', url: '/api/2.0/mlflow-ts/runs/move', payload: {} });
    expect(res.status).toBe(404);
  });
});

describe('move runs: errors (nothing moves)', () => {
  let kept: Info;
  let deletedRun: Info;
  beforeAll(async () => {
    kept = await newRun(source, 'kept');
    deletedRun = await newRun(source, 'deleted-run');
    await post(t.app, '/runs/delete', { run_id: deletedRun.run_id });
  });
  const many = Array.from({ length: 1001 }, (_, i) => `r${i}`);
  const cases: ErrorCase[] = [
    {
      name: 'run_ids missing',
      send: () => move({ experiment_id: '1' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: missing('run_ids'),
    },
    {
      name: 'experiment_id missing',
      send: () => move({ run_ids: ['x'] }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: missing('experiment_id'),
    },
    {
      name: 'run_ids not a list',
      send: () => move({ run_ids: 'abc', experiment_id: '1' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: badType('run_ids', '"abc"', 'str'),
    },
    {
      name: 'run_ids empty',
      send: () => move({ run_ids: [], experiment_id: target }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: 'move-runs needs at least one run id in run_ids.',
    },
    {
      name: 'more than 1000 runs',
      send: () => move({ run_ids: many, experiment_id: target }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: `move-runs accepts at most 1000 run_ids; got 1001.${DOCS_HINT}`,
    },
    {
      name: 'a run named twice',
      send: () => move({ run_ids: [kept.run_id, kept.run_id], experiment_id: target }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: () => `run_ids names run '${kept.run_id}' more than once.`,
    },
    {
      name: 'unknown target experiment',
      send: () => move({ run_ids: [kept.run_id], experiment_id: '987654' }),
      status: 404,
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'No Experiment with id=987654 exists',
    },
    {
      name: 'deleted target experiment',
      send: () => move({ run_ids: [kept.run_id], experiment_id: deletedExperiment }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: () =>
        `The experiment ${deletedExperiment} must be in the 'active' state. Current state is deleted.`,
    },
    {
      name: 'one unknown run among known ones',
      send: () => move({ run_ids: [kept.run_id, 'no-such-run'], experiment_id: target }),
      status: 404,
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Run with id=no-such-run not found',
    },
    {
      name: 'a deleted run',
      send: () => move({ run_ids: [kept.run_id, deletedRun.run_id], experiment_id: target }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: () => `The run ${deletedRun.run_id} must be in the 'active' state. Current state is deleted.`,
    },
  ];
  errorTable(cases);

  it('left every run of the failed requests where it was', async () => {
    expect((await runInfo(kept.run_id)).experiment_id).toBe(source);
    expect((await runInfo(deletedRun.run_id)).experiment_id).toBe(source);
  });

  it('GET answers 405 with POST in Allow, as Flask does', async () => {
    const res = await inject(t.app, { method: 'GET', url: URL });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST, OPTIONS');
  });

  it('answers 503 under --artifacts-only', async () => {
    const gated = await startTestApp({ artifactsOnly: true });
    try {
      const res = await inject(gated.app, {
        method: 'POST',
        url: URL,
        payload: JSON.stringify({ run_ids: ['a'], experiment_id: '0' }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(503);
    } finally {
      await gated.close();
    }
  });
});
