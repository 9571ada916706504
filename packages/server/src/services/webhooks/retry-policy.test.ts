// The retry schedule of webhook POSTs, as urllib3's Retry(backoff_factor=1, backoff_jitter=1, backoff_max=60) computes it.
import { describe, expect, it } from 'vitest';
import { backoffSeconds, retryAfterSeconds, RETRY_STATUSES } from './retry-policy.js';

describe('webhook retry policy', () => {
  it('waits 0 after the first failure, then 2, 4, 8 seconds plus jitter, capped at 60', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4].map((n) => backoffSeconds(n, noJitter))).toEqual([0, 2, 4, 8]);
    expect(backoffSeconds(3, () => 0.5)).toBe(4.5);
    expect(backoffSeconds(10, () => 0.99)).toBe(60);
  });

  it('retries 429 and 5xx gateway statuses only', () => {
    expect([...RETRY_STATUSES].sort()).toEqual([429, 500, 502, 503, 504]);
    expect(RETRY_STATUSES.has(404)).toBe(false);
  });

  it('honours Retry-After on 429/503/413 only', () => {
    expect(retryAfterSeconds(503, '7')).toBe(7);
    expect(retryAfterSeconds(429, ' 3 ')).toBe(3);
    expect(retryAfterSeconds(500, '7')).toBeNull();
    expect(retryAfterSeconds(503, undefined)).toBeNull();
    expect(retryAfterSeconds(503, 'soon')).toBeNull();
  });
});
