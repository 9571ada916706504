// API tests of the UI's search-datasets endpoint (served under /ajax-api only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorTable,
  inject,
  post,
  startTestApp,
  type ApiResponse,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
let experimentId: string;

beforeAll(async () => {
  t = await startTestApp();
  experimentId = (
    (await post(t.app, '/experiments/create', { name: 'ds' })).json as { experiment_id: string }
  ).experiment_id;
  const run = await post(t.app, '/runs/create', { experiment_id: experimentId, start_time: 1 });
  const runId = (run.json as { run: { info: { run_id: string } } }).run.info.run_id;
  await post(t.app, '/runs/log-inputs', {
    run_id: runId,
    datasets: [
      {
        tags: [{ key: 'mlflow.data.context', value: 'train' }],
        dataset: { name: 'd', digest: 'abc', source_type: 'local', source: '{}' },
      },
      { dataset: { name: 'e', digest: 'def', source_type: 'local', source: '{}' } },
    ],
  });
});
afterAll(async () => t.close());

function searchDatasets(
  body: unknown,
  url = '/ajax-api/2.0/mlflow/experiments/search-datasets',
): Promise<ApiResponse> {
  return inject(t.app, {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

describe('search-datasets: ok', () => {
  it('summarises the datasets logged to runs of the experiments, with their context', async () => {
    const res = await searchDatasets({ experiment_ids: [experimentId] });
    expect(res.status).toBe(200);
    const summaries = (res.json as { dataset_summaries: unknown[] }).dataset_summaries;
    expect(summaries).toHaveLength(2);
    expect(summaries).toEqual(
      expect.arrayContaining([
        { experiment_id: experimentId, name: 'd', digest: 'abc', context: 'train' },
        { experiment_id: experimentId, name: 'e', digest: 'def' },
      ]),
    );
  });

  it('answers {} for experiments without datasets', async () => {
    expect((await searchDatasets({ experiment_ids: ['0'] })).json).toEqual({});
  });

  it('is not served under /api (the proto path lacks its leading slash there)', async () => {
    const res = await searchDatasets(
      { experiment_ids: ['0'] },
      '/api/2.0/mlflow/experiments/search-datasets',
    );
    expect(res.status).toBe(404);
  });
});

describe('search-datasets: errors', () => {
  // One row per case: the table reads better unwrapped.
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'no experiment ids', send: () => searchDatasets({}), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'SearchDatasets request must specify at least one experiment_id.' },
    { name: 'more than 20 experiment ids', send: () => searchDatasets({ experiment_ids: Array.from({ length: 21 }, (_, i) => String(i)) }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'SearchDatasets request cannot specify more than 20 experiment_ids. Received 21 experiment_ids.' },
    { name: 'a non-JSON content type', send: () => inject(t.app, { method: 'POST', url: '/ajax-api/2.0/mlflow/experiments/search-datasets', headers: { 'content-type': 'text/plain' }, payload: '{}' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Bad Request. Content-Type must be one of ['application/json']." },
  ];
  errorTable(cases);
});
