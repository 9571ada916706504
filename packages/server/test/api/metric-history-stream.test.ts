// API test of get-history's streamed reply: a long history answers the same bytes as the paged reads put together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeJson, encodePageToken, type Metric } from '@mlflow-ts/protocol';
import { get, post, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let runId: string;
const POINTS = 5000;

beforeAll(async () => {
  t = await startTestApp();
  const res = await post(t.app, '/runs/create', { experiment_id: '0', start_time: 1 });
  runId = (res.json as { run: { info: { run_id: string } } }).run.info.run_id;
  const special = ['NaN', 'Infinity', '-Infinity'];
  for (let i = 0; i < POINTS; i += 1000) {
    const metrics = Array.from({ length: 1000 }, (_, j) => {
      const s = i + j;
      const value = s % 997 === 0 ? special[(s / 997) % 3] : s % 3 === 0 ? s * 1e-7 : -s / 3;
      // Every tenth pair of points shares a timestamp and step, so pages end inside groups.
      return {
        key: 'loss',
        value,
        timestamp: 1_700_000_000_000 + Math.floor(s / 2),
        step: Math.floor(s / 2),
      };
    });
    await post(t.app, '/runs/log-batch', { run_id: runId, metrics });
  }
});
afterAll(async () => t.close());

/** The history read in pages of 1000 (one query each, the unstreamed path), from an offset. */
async function pagedFrom(offset: number): Promise<Metric[]> {
  const out: Metric[] = [];
  let token: string | undefined = offset > 0 ? encodePageToken(offset) : undefined;
  do {
    const query: Record<string, string> = { run_id: runId, metric_key: 'loss', max_results: '1000' };
    if (token) query.page_token = token;
    const body = (await get(t.app, '/metrics/get-history', query)).json as {
      metrics?: Metric[];
      next_page_token?: string;
    };
    out.push(...(body.metrics ?? []));
    token = body.next_page_token;
  } while (token);
  return out;
}

describe('get-history streamed', () => {
  it('answers a whole long history byte for byte as encodeJson would', async () => {
    const res = await get(t.app, '/metrics/get-history', { run_id: runId, metric_key: 'loss' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const expected = encodeJson({ metrics: await pagedFrom(0) }, { omitEmptyArrays: true });
    expect(res.text).toBe(expected);
    expect((res.json as { metrics: unknown[] }).metrics).toHaveLength(POINTS);
  });

  it('keeps the offset of a page token without max_results', async () => {
    const token = encodePageToken(1234);
    const res = await get(t.app, '/metrics/get-history', {
      run_id: runId,
      metric_key: 'loss',
      page_token: token,
    });
    expect(res.text).toBe(encodeJson({ metrics: await pagedFrom(1234) }, { omitEmptyArrays: true }));
  });

  it("answers a bad page token without max_results with MLflow's error", async () => {
    const res = await get(t.app, '/metrics/get-history', {
      run_id: runId,
      metric_key: 'loss',
      page_token: 'bad',
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Invalid page token, could not base64-decode',
    });
  });

  it('streams a large max_results page with its next_page_token last', async () => {
    const query = { run_id: runId, metric_key: 'loss', max_results: '4500' };
    const res = await get(t.app, '/metrics/get-history', query);
    const all = await pagedFrom(0);
    const expected = { metrics: all.slice(0, 4500), next_page_token: encodePageToken(4500) };
    expect(res.text).toBe(encodeJson(expected, { omitEmptyArrays: true }));
  });
});
