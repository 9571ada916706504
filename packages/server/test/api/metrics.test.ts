// API tests of metric history: get-history (paging), get-history-bulk-interval, the UI's get-history-bulk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorTable,
  get,
  inject,
  missing,
  post,
  startTestApp,
  DOCS_HINT,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
/** Ten points of `loss` at steps 0–9 (value = step). */
let runA: string;
/** Five points of `loss` including NaN. */
let runB: string;

async function newRun(): Promise<string> {
  const res = await post(t.app, '/runs/create', { experiment_id: '0', start_time: 1 });
  return (res.json as { run: { info: { run_id: string } } }).run.info.run_id;
}

beforeAll(async () => {
  t = await startTestApp();
  runA = await newRun();
  runB = await newRun();
  await post(t.app, '/runs/log-batch', {
    run_id: runA,
    metrics: Array.from({ length: 10 }, (_, i) => ({ key: 'loss', value: i, timestamp: 100 + i, step: i })),
  });
  await post(t.app, '/runs/log-batch', {
    run_id: runB,
    metrics: [0.5, 'NaN', 0.25, 0.125, 0.1].map((value, i) => ({
      key: 'loss',
      value,
      timestamp: 100 + i,
      step: i,
    })),
  });
});
afterAll(async () => t.close());

const ajax = (path: string, query: Record<string, string | string[]>) =>
  inject(t.app, { method: 'GET', url: `/ajax-api/2.0/mlflow${path}`, query });

type Points = { step: number; value: unknown; run_id?: string }[];
const steps = (json: unknown): number[] => ((json as { metrics?: Points }).metrics ?? []).map((m) => m.step);

describe('metric history: ok', () => {
  it('returns the whole history in one page when max_results is absent', async () => {
    const res = await get(t.app, '/metrics/get-history', { run_id: runB, metric_key: 'loss' });
    expect(res.json).toEqual({
      metrics: [
        { key: 'loss', value: 0.5, timestamp: 100, step: 0 },
        { key: 'loss', value: 'NaN', timestamp: 101, step: 1 },
        { key: 'loss', value: 0.25, timestamp: 102, step: 2 },
        { key: 'loss', value: 0.125, timestamp: 103, step: 3 },
        { key: 'loss', value: 0.1, timestamp: 104, step: 4 },
      ],
    });
  });

  it('pages 4/4/2 with max_results and tokens (run_uuid accepted)', async () => {
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const query: Record<string, string> = { run_uuid: runA, metric_key: 'loss', max_results: '4' };
      if (token) query.page_token = token;
      const body = (await get(t.app, '/metrics/get-history', query)).json as {
        metrics?: Points;
        next_page_token?: string;
      };
      sizes.push(body.metrics?.length ?? 0);
      token = body.next_page_token;
    } while (token);
    expect(sizes.slice(0, 3)).toEqual([4, 4, 2]);
  });

  it('answers {} for an unknown metric or run', async () => {
    expect((await get(t.app, '/metrics/get-history', { run_id: runA, metric_key: 'nothing' })).json).toEqual(
      {},
    );
    expect((await get(t.app, '/metrics/get-history', { run_id: 'nope', metric_key: 'loss' })).json).toEqual(
      {},
    );
  });

  it('samples bulk-interval keeping the first and last steps', async () => {
    const res = await get(t.app, '/metrics/get-history-bulk-interval', {
      run_ids: [runA],
      metric_key: 'loss',
      max_results: '5',
    });
    expect(steps(res.json)).toEqual([0, 2, 4, 6, 9]);
    expect((res.json as { metrics: Points }).metrics[0]).toEqual({
      key: 'loss',
      value: 0,
      timestamp: 100,
      step: 0,
      run_id: runA,
    });
  });

  it('restricts bulk-interval to a step window over repeated run_ids keys', async () => {
    const res = await get(t.app, '/metrics/get-history-bulk-interval', {
      run_ids: [runA, runB],
      metric_key: 'loss',
      start_step: '2',
      end_step: '4',
    });
    const points = (res.json as { metrics: Points }).metrics;
    expect(points.filter((m) => m.run_id === runA).map((m) => m.step)).toEqual([2, 3, 4]);
    expect(points.filter((m) => m.run_id === runB).map((m) => m.step)).toEqual([2, 3, 4]);
    expect(points).toHaveLength(6);
  });

  it('serves get-history-bulk under /ajax-api only, ordered by run then step, capped by max_results', async () => {
    const res = await ajax('/metrics/get-history-bulk', {
      run_id: [runA, runB],
      metric_key: 'loss',
      max_results: '3',
    });
    expect(res.status).toBe(200);
    const first = [runA, runB].sort()[0];
    expect((res.json as { metrics: Points }).metrics).toEqual(
      [0, 1, 2].map((i) =>
        expect.objectContaining({ key: 'loss', run_id: first, step: i, timestamp: 100 + i }),
      ),
    );
    const api = await inject(t.app, {
      method: 'GET',
      url: `/api/2.0/mlflow/metrics/get-history-bulk?run_id=${runA}&metric_key=loss`,
    });
    expect(api.status).toBe(404);
  });

  it('keeps an empty metrics list in get-history-bulk (a plain dict in MLflow)', async () => {
    expect((await ajax('/metrics/get-history-bulk', { run_id: [runA], metric_key: 'nothing' })).json).toEqual(
      { metrics: [] },
    );
  });
});

describe('metric history: errors', () => {
  const hundredAndOne = Array.from({ length: 101 }, (_, i) => `r${i}`);
  // One row per case: the table reads better unwrapped.
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'history without metric_key', send: () => get(t.app, '/metrics/get-history', { run_id: 'x' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('metric_key') },
    { name: 'history with max_results 0', send: () => get(t.app, '/metrics/get-history', { run_id: 'x', metric_key: 'loss', max_results: '0' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer." },
    { name: 'history with a bad page token', send: () => get(t.app, '/metrics/get-history', { run_id: 'x', metric_key: 'loss', max_results: '2', page_token: 'bad' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid page token, could not base64-decode' },
    { name: 'interval with start after end', send: () => get(t.app, '/metrics/get-history-bulk-interval', { run_ids: ['x'], metric_key: 'loss', start_step: '4', end_step: '2' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'end_step must be greater than start_step. Found start_step=4 and end_step=2.' },
    { name: 'interval with one step bound', send: () => get(t.app, '/metrics/get-history-bulk-interval', { run_ids: ['x'], metric_key: 'loss', start_step: '4' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'If either start step or end step are specified, both must be specified.' },
    { name: 'interval with max_results 0', send: () => get(t.app, '/metrics/get-history-bulk-interval', { run_ids: ['x'], metric_key: 'loss', max_results: '0' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: `max_results must be between 1 and 2500.${DOCS_HINT}` },
    { name: 'interval with max_results 2501', send: () => get(t.app, '/metrics/get-history-bulk-interval', { run_ids: ['x'], metric_key: 'loss', max_results: '2501' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: `max_results must be between 1 and 2500.${DOCS_HINT}` },
    { name: 'interval over 100 runs', send: () => get(t.app, '/metrics/get-history-bulk-interval', { run_ids: hundredAndOne, metric_key: 'loss' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: `GetMetricHistoryBulkInterval request must specify at most 100 run_ids. Received 101 run_ids.${DOCS_HINT}` },
    { name: 'interval without run_ids', send: () => get(t.app, '/metrics/get-history-bulk-interval', { metric_key: 'loss' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('run_ids') },
    { name: 'interval without metric_key', send: () => get(t.app, '/metrics/get-history-bulk-interval', { run_ids: ['x'] }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('metric_key') },
    { name: 'bulk without run_id', send: () => ajax('/metrics/get-history-bulk', { metric_key: 'loss' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'GetMetricHistoryBulk request must specify at least one run_id.' },
    { name: 'bulk over 100 runs', send: () => ajax('/metrics/get-history-bulk', { run_id: hundredAndOne, metric_key: 'loss' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'GetMetricHistoryBulk request cannot specify more than 100 run_ids. Received 101 run_ids.' },
    { name: 'bulk without metric_key', send: () => ajax('/metrics/get-history-bulk', { run_id: ['x'] }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'GetMetricHistoryBulk request must specify a metric_key.' },
    // MLflow's handler crashes on int("x"): a 500.
    {
      name: 'bulk with a non-integer max_results',
      send: () => ajax('/metrics/get-history-bulk', { run_id: ['x'], metric_key: 'loss', max_results: 'x' }),
      status: 500,
      code: 'INTERNAL_ERROR',
      message: 'Malformed request: max_results "x" is not an integer',
    },
  ];
  errorTable(cases);
});
