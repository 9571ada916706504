// Retries per RPC class with a scripted fetch: which answers are retried, how often, and what is given up on.
import { trackingEndpoints as t } from '@mlflow-ts/protocol';
import { describe, expect, it } from 'vitest';
import { RestClient } from './rest-client.js';
import { backoffMs, resolveRetry, retryableError, retryClassOf } from './retry.js';

type Step = number | 'refused' | 'reset';

/** A fetch that plays `steps` in order (a status, or a network failure), recording each call. */
function scripted(steps: Step[]): { fetch: typeof fetch; calls: () => number } {
  let i = 0;
  const f: typeof fetch = () => {
    const step = steps[Math.min(i++, steps.length - 1)];
    if (step === 'refused' || step === 'reset') {
      const code = step === 'refused' ? 'ECONNREFUSED' : 'ECONNRESET';
      return Promise.reject(
        new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) }),
      );
    }
    const body =
      step === 200 ? '{"experiment_id":"1"}' : '{"error_code":"TEMPORARILY_UNAVAILABLE","message":"busy"}';
    return Promise.resolve(new Response(body, { status: step }));
  };
  return { fetch: f, calls: () => i };
}

const fast = { maxRetries: 3, backoffFactor: 0, backoffJitter: 0 };

describe('retry classes', () => {
  it('classifies reads and upserts as idempotent, creations as unprocessed-only', () => {
    expect(retryClassOf(t.getRun, 'GET')).toBe('idempotent');
    expect(retryClassOf(t.searchRuns, 'POST')).toBe('idempotent');
    expect(retryClassOf(t.logBatch, 'POST')).toBe('idempotent');
    expect(retryClassOf(t.createRun, 'POST')).toBe('unprocessed-only');
    expect(retryClassOf(t.createExperiment, 'POST')).toBe('unprocessed-only');
  });

  it.each<[string, Step[], number, 'ok' | 'error' | 'throw']>([
    ['GET retries 503 until it succeeds', [503, 502, 200], 3, 'ok'],
    ['GET gives up after maxRetries and reports the last answer', [503], 4, 'error'],
    ['GET retries a reset connection', ['reset', 200], 2, 'ok'],
    ['GET does not retry a 404', [404], 1, 'error'],
  ])('%s', async (_name, steps, calls, outcome) => {
    const s = scripted(steps);
    const c = new RestClient({ trackingUri: 'http://x', fetch: s.fetch, retry: fast });
    const p = c.call(t.getExperiment, { experiment_id: '1' });
    if (outcome === 'ok') await expect(p).resolves.toBeDefined();
    else await expect(p).rejects.toThrow(outcome === 'error' ? /./ : /fetch failed/);
    expect(s.calls()).toBe(calls);
  });

  it.each<[string, Step[], number, boolean]>([
    ['create-experiment does not retry a 500 (it may have been created)', [500, 200], 1, false],
    ['create-experiment does not retry a reset connection', ['reset', 200], 1, false],
    ['create-experiment retries 429', [429, 200], 2, true],
    ['create-experiment retries a refused connection', ['refused', 200], 2, true],
  ])('%s', async (_name, steps, calls, ok) => {
    const s = scripted(steps);
    const c = new RestClient({ trackingUri: 'http://x', fetch: s.fetch, retry: fast });
    const p = c.call(t.createExperiment, { name: 'e' });
    if (ok) await expect(p).resolves.toEqual({ experiment_id: '1' });
    else await expect(p).rejects.toThrow();
    expect(s.calls()).toBe(calls);
  });
});

describe('retryableError', () => {
  it('retries network failures only, never a malformed request', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(retryableError('idempotent', refused)).toBe(true);
    expect(retryableError('unprocessed-only', refused)).toBe(true);
    expect(retryableError('idempotent', new TypeError('Failed to fetch'))).toBe(true);
    expect(retryableError('unprocessed-only', new TypeError('Failed to fetch'))).toBe(false);
    expect(retryableError('idempotent', new TypeError('Failed to parse URL from foo/api'))).toBe(false);
    expect(retryableError('never', refused)).toBe(false);
  });
});

describe('backoff', () => {
  it('doubles per attempt up to the cap, and follows Retry-After', () => {
    const r = resolveRetry({ backoffFactor: 2, backoffJitter: 0, maxBackoff: 10 });
    expect([1, 2, 3, 4].map((n) => backoffMs(r, n, null))).toEqual([2000, 4000, 8000, 10000]);
    expect(backoffMs(r, 1, '3')).toBe(3000);
  });
});
