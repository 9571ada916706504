// pointsJsonBytes writes exactly what encodeJson writes for the same points.
import { describe, expect, it } from 'vitest';
import { encodeJson, type Metric } from '@mlflow-ts/protocol';
import { pointsJsonBytes } from './metric-history-reply.js';

function columns(key: string, metrics: Metric[]) {
  return {
    key,
    length: metrics.length,
    values: Float64Array.from(metrics.map((m) => m.value)),
    timestamps: Float64Array.from(metrics.map((m) => m.timestamp)),
    steps: Float64Array.from(metrics.map((m) => m.step)),
  };
}

describe('pointsJsonBytes', () => {
  it('matches encodeJson for awkward numbers and keys', () => {
    const values = [
      0,
      -0,
      1,
      -1,
      0.1,
      1e-7,
      123456789012,
      1e21,
      -1.5e300,
      1.7976931348623157e308,
      2 ** 53,
      2 ** 53 + 2,
    ];
    const specials = [Number.NaN, Infinity, -Infinity, 5e-324, -123.456];
    const steps = [0, -1, 9, 10, 99, 100, -9007199254740991, 9007199254740991, 1e16];
    const metrics: Metric[] = [...values, ...specials].map((value, i) => ({
      key: 'k',
      value,
      timestamp: i % 2 === 0 ? 1_700_000_000_000 + i : -i,
      step: steps[i % steps.length] as number,
    }));
    for (const key of ['loss', 'a "quoted"\\key', 'ünï/cødé ✓']) {
      const ms = metrics.map((m) => ({ ...m, key }));
      const text = pointsJsonBytes(columns(key, ms), '[').toString('utf8') + ']';
      expect(text).toBe(encodeJson(ms));
    }
  });
});
