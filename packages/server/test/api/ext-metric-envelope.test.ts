// API tests of the mlflow-ts extension GET /ajax-api/2.0/mlflow-ts/metrics/get-history-envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badType,
  DOCS_HINT,
  errorTable,
  inject,
  missing,
  post,
  startTestApp,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
/** 1,000 points of `loss` at steps 0–999, value 1, with a spike of 500 at step 421. */
let runA: string;
/** `loss` at steps 0–3 with a NaN at step 1. */
let runB: string;

async function newRun(): Promise<string> {
  const res = await post(t.app, '/runs/create', { experiment_id: '0', start_time: 1 });
  return (res.json as { run: { info: { run_id: string } } }).run.info.run_id;
}

beforeAll(async () => {
  t = await startTestApp();
  runA = await newRun();
  runB = await newRun();
  for (let from = 0; from < 1000; from += 500) {
    await post(t.app, '/runs/log-batch', {
      run_id: runA,
      metrics: Array.from({ length: 500 }, (_, i) => ({
        key: 'loss',
        value: from + i === 421 ? 500 : 1,
        timestamp: 10_000 + from + i,
        step: from + i,
      })),
    });
  }
  await post(t.app, '/runs/log-batch', {
    run_id: runB,
    metrics: [2, 'NaN', 'Infinity', 0.5].map((value, step) => ({ key: 'loss', value, timestamp: 7, step })),
  });
});
afterAll(async () => t.close());

const URL = '/ajax-api/2.0/mlflow-ts/metrics/get-history-envelope';
const envelope = (query: Record<string, string | string[]>) =>
  inject(t.app, { method: 'GET', url: URL, query });

interface Bucket {
  step_start: number;
  step_end: number;
  min_value: number | string;
  max_value: number | string;
  count: number;
}
type Body = { envelopes?: { run_id: string; bucket_width: number; buckets?: Bucket[] }[] };

describe('metric envelope: ok', () => {
  it('buckets 1,000 steps into 10 and keeps the spike in its bucket max', async () => {
    const res = await envelope({ run_ids: runA, metric_key: 'loss', max_buckets: '10' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const [env] = (res.json as Body).envelopes ?? [];
    expect(env?.run_id).toBe(runA);
    expect(env?.bucket_width).toBe(100);
    expect(env?.buckets).toHaveLength(10);
    expect(env?.buckets?.[4]).toEqual({
      step_start: 400,
      step_end: 499,
      count: 100,
      nan_count: 0,
      min_value: 1,
      max_value: 500,
      first_value: 1,
      first_timestamp: 10_400,
      last_value: 1,
      last_timestamp: 10_499,
    });
  });

  it('defaults to 1,000 buckets: one step each here', async () => {
    const res = await envelope({ run_ids: runA, metric_key: 'loss' });
    const [env] = (res.json as Body).envelopes ?? [];
    expect(env?.bucket_width).toBe(1);
    expect(env?.buckets).toHaveLength(1000);
  });

  it('encodes NaN and ±Infinity as MLflow does, for several runs in request order', async () => {
    const res = await envelope({ run_ids: [runB, runA], metric_key: 'loss', start_step: '0', end_step: '3' });
    const envs = (res.json as Body).envelopes ?? [];
    expect(envs.map((e) => e.run_id)).toEqual([runB, runA]);
    expect(envs[0]?.buckets?.[1]).toMatchObject({ nan_count: 1, min_value: 'NaN', max_value: 'NaN' });
    expect(envs[0]?.buckets?.[2]).toMatchObject({ max_value: Number.MAX_VALUE });
    expect(envs[1]?.buckets?.map((b) => b.step_start)).toEqual([0, 1, 2, 3]);
  });

  it('answers an unknown run or key with an envelope without buckets', async () => {
    const res = await envelope({ run_ids: ['nope'], metric_key: 'loss' });
    expect(res.json).toEqual({ envelopes: [{ run_id: 'nope', bucket_width: 1 }] });
  });

  it('is served under /ajax-api only, like MLflow UI routes', async () => {
    const res = await inject(t.app, {
      method: 'GET',
      url: '/api/2.0/mlflow-ts/metrics/get-history-envelope',
      query: { run_ids: runA, metric_key: 'loss' },
    });
    expect(res.status).toBe(404);
  });
});

describe('metric envelope: errors', () => {
  const many = Array.from({ length: 101 }, (_, i) => `r${i}`);
  const cases: ErrorCase[] = [
    {
      name: 'run_ids missing',
      send: () => envelope({ metric_key: 'loss' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: missing('run_ids'),
    },
    {
      name: 'metric_key missing',
      send: () => envelope({ run_ids: 'a' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: missing('metric_key'),
    },
    {
      name: 'more than 100 run ids',
      send: () => envelope({ run_ids: many, metric_key: 'loss' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: `get-history-envelope accepts at most 100 run_ids; got 101.${DOCS_HINT}`,
    },
    {
      name: 'max_buckets 0',
      send: () => envelope({ run_ids: 'a', metric_key: 'loss', max_buckets: '0' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: `max_buckets must be an integer from 1 to 5000.${DOCS_HINT}`,
    },
    {
      name: 'max_buckets above 5000',
      send: () => envelope({ run_ids: 'a', metric_key: 'loss', max_buckets: '5001' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: `max_buckets must be an integer from 1 to 5000.${DOCS_HINT}`,
    },
    {
      name: 'start_step without end_step',
      send: () => envelope({ run_ids: 'a', metric_key: 'loss', start_step: '3' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: 'start_step and end_step must be given together, or neither.',
    },
    {
      name: 'start_step after end_step',
      send: () => envelope({ run_ids: 'a', metric_key: 'loss', start_step: '9', end_step: '2' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: 'start_step (9) must not be greater than end_step (2).',
    },
    {
      name: 'max_buckets not an integer',
      send: () => envelope({ run_ids: 'a', metric_key: 'loss', max_buckets: 'lots' }),
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: badType('max_buckets', '"lots"', 'str'),
    },
  ];
  errorTable(cases);

  it('POST answers 405 with the GET route in Allow, as Flask does', async () => {
    const res = await inject(t.app, { method: 'POST', url: URL, payload: {} });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('answers 503 under --artifacts-only', async () => {
    const gated = await startTestApp({ artifactsOnly: true });
    try {
      const res = await inject(gated.app, {
        method: 'GET',
        url: URL,
        query: { run_ids: 'a', metric_key: 'm' },
      });
      expect(res.status).toBe(503);
    } finally {
      await gated.close();
    }
  });
});
