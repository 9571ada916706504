import { describe, expect, it } from 'vitest';
import { connectAttempts, isTransientConnectError, retryDelayMs, withConnectRetry } from './connect-retry.js';

const err = (code: string): Error => Object.assign(new Error(code), { code });

describe('withConnectRetry', () => {
  it('retries transient failures on MLflow’s schedule and returns the first success', async () => {
    const slept: number[] = [];
    const seen: number[] = [];
    let calls = 0;
    const out = await withConnectRetry(
      async () => {
        calls += 1;
        if (calls < 4) throw err(calls === 2 ? '57P03' : 'ECONNREFUSED');
        return 'up';
      },
      { attempts: 10, sleep: async (ms) => void slept.push(ms), onRetry: (_e, _d, a) => void seen.push(a) },
    );
    expect(out).toBe('up');
    expect(slept).toEqual([100, 300, 700]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    const p = withConnectRetry(
      async () => {
        calls += 1;
        throw err('ECONNREFUSED');
      },
      { attempts: 3, sleep: async () => undefined },
    );
    await expect(p).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(calls).toBe(3);
  });

  it('fails at once on errors that waiting cannot fix', async () => {
    for (const code of ['28P01', 'ER_ACCESS_DENIED_ERROR', '3D000', 'ENOTFOUND']) {
      let calls = 0;
      const p = withConnectRetry(
        async () => {
          calls += 1;
          throw err(code);
        },
        { attempts: 5, sleep: async () => undefined },
      );
      await expect(p).rejects.toMatchObject({ code });
      expect(calls, code).toBe(1);
    }
  });

  it('reads the attempts from the environment and recognises codes inside AggregateErrors', () => {
    expect(connectAttempts({})).toBe(10);
    expect(connectAttempts({ MLFLOW_TS_DB_CONNECT_ATTEMPTS: '1' })).toBe(1);
    expect(connectAttempts({ MLFLOW_TS_DB_CONNECT_ATTEMPTS: 'x' })).toBe(10);
    expect(isTransientConnectError(new AggregateError([err('ECONNREFUSED')]))).toBe(true);
    expect(retryDelayMs(9)).toBe(51_100);
  });
});
