// RestClient against a real mlflow-ts server: methods, query strings, NaN decoding, prefixes and error answers.
import { trackingEndpoints as t } from '@mlflow-ts/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MlflowRestError, RestClient } from '../../src/index.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let rest: RestClient;
beforeAll(async () => {
  server = await startTestServer();
  rest = new RestClient({ trackingUri: server.url, retry: { maxRetries: 0 } });
});
afterAll(() => server.stop());

async function newRun(name: string): Promise<string> {
  const { experiment_id } = await rest.call(t.createExperiment, { name });
  const { run } = await rest.call(t.createRun, { experiment_id, start_time: 1 });
  return run.info.run_id;
}

describe('RestClient.call', () => {
  it('posts JSON bodies and reads the typed answer back through GET', async () => {
    const { experiment_id } = await rest.call(t.createExperiment, {
      name: 'rest-a',
      tags: [{ key: 'k', value: 'v' }],
    });
    expect(experiment_id).toMatch(/^\d+$/);
    const { experiment } = await rest.call(t.getExperiment, { experiment_id });
    expect(experiment).toMatchObject({
      name: 'rest-a',
      lifecycle_stage: 'active',
      tags: [{ key: 'k', value: 'v' }],
    });
  });

  it('sends lists as repeated query keys and decodes NaN / ±Infinity metric values as numbers', async () => {
    const a = await newRun('rest-b');
    const { run } = await rest.call(t.getRun, { run_id: a });
    const b = (await rest.call(t.createRun, { experiment_id: run.info.experiment_id })).run.info.run_id;
    await rest.call(t.logBatch, {
      run_id: a,
      metrics: [
        { key: 'm', value: NaN, timestamp: 5, step: 0 },
        { key: 'm', value: 1.5, timestamp: 6, step: 1 },
      ],
    });
    await rest.call(t.logMetric, { run_id: b, key: 'm', value: Infinity, timestamp: 7, step: 0 });
    const hist = await rest.call(t.getMetricHistory, { run_id: a, metric_key: 'm' });
    expect(hist.metrics?.map((m) => m.value)).toEqual([NaN, 1.5]);
    const bulk = await rest.call(t.getMetricHistoryBulkInterval, { run_ids: [a, b], metric_key: 'm' });
    const byRun = new Map<string, number[]>();
    for (const m of bulk.metrics ?? []) byRun.set(m.run_id, [...(byRun.get(m.run_id) ?? []), m.value]);
    // MLflow stores +Infinity as the largest double (ARCHITECTURE.md: ±Infinity read back as ±max).
    expect(Object.fromEntries(byRun)).toEqual({ [a]: [NaN, 1.5], [b]: [Number.MAX_VALUE] });
  });

  it('throws MlflowRestError with MLflow code, message and status', async () => {
    const err = await rest.call(t.getRun, { run_id: 'does-not-exist' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MlflowRestError);
    expect(err).toMatchObject({
      code: 'RESOURCE_DOES_NOT_EXIST',
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      status: 404,
      httpStatus: 404,
      message: 'Run with id=does-not-exist not found',
      endpoint: '/api/2.0/mlflow/runs/get',
    });
  });

  it('reports a parameter error of the server as INVALID_PARAMETER_VALUE / 400', async () => {
    const err = await rest.call(t.createExperiment, {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INVALID_PARAMETER_VALUE', status: 400 });
    expect((err as Error).message).toContain("Missing value for required parameter 'name'");
  });

  it('uses /ajax-api when asked, and always for UI-only routes', async () => {
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    const ajax = new RestClient({ trackingUri: `${server.url}/`, apiPrefix: 'ajax-api', fetch: spy });
    await ajax.call(t.searchExperiments, { max_results: 1 });
    await rest.call(t.searchDatasets, { experiment_ids: ['0'] });
    const plain = new RestClient({ trackingUri: server.url, fetch: spy });
    await plain.call(t.searchDatasets, { experiment_ids: ['0'] });
    await plain.call(t.serverInfo, {});
    expect(seen.map((u) => u.slice(server.url.length))).toEqual([
      '/ajax-api/2.0/mlflow/experiments/search',
      '/ajax-api/2.0/mlflow/experiments/search-datasets',
      '/api/3.0/mlflow/server-info',
    ]);
  });

  it('passes configured headers (static or computed per request)', async () => {
    const headers: string[] = [];
    const spy: typeof fetch = (input, init) => {
      headers.push(new Headers(init?.headers).get('authorization') ?? '');
      return fetch(input, init);
    };
    let n = 0;
    const c = new RestClient({
      trackingUri: server.url,
      fetch: spy,
      headers: () => ({ Authorization: `Bearer t${++n}` }),
    });
    await c.call(t.searchExperiments, { max_results: 1 });
    await c.call(t.searchExperiments, { max_results: 1 });
    expect(headers).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('turns a connection failure into a one-line error naming the endpoint', async () => {
    const dead = new RestClient({ trackingUri: 'http://127.0.0.1:1', retry: { maxRetries: 0 } });
    await expect(dead.call(t.searchExperiments, { max_results: 1 })).rejects.toThrow(
      /^Request to \/api\/2\.0\/mlflow\/experiments\/search failed: fetch failed/,
    );
  });
});
