// Unit tests of the EMA smoothing of chart lines.
import { describe, expect, it } from 'vitest';
import { smoothEma } from './ema-smoothing.js';

describe('smoothEma', () => {
  it('is the identity at weight 0, with non-finite values as gaps', () => {
    expect(smoothEma([1, Number.NaN, 3, null, Number.POSITIVE_INFINITY], 0)).toEqual([
      1,
      null,
      3,
      null,
      null,
    ]);
  });

  it('corrects the start-up bias: a constant line stays constant', () => {
    const out = smoothEma([5, 5, 5, 5], 0.9);
    for (const v of out) expect(v).toBeCloseTo(5, 10);
  });

  it('damps a spike and keeps gaps out of the average', () => {
    const out = smoothEma([1, 1, 10, null, 1], 0.5);
    expect(out[0]).toBeCloseTo(1);
    expect(out[1]).toBeCloseTo(1);
    // running averages 0.5, 0.75, 5.375 (the gap skipped), 3.1875; divided by 1 - 0.5^n
    expect(out[2]).toBeCloseTo(5.375 / 0.875);
    expect(out[3]).toBeNull();
    expect(out[4]).toBeCloseTo(3.1875 / 0.9375);
  });

  it('clamps weights to [0, 0.999]', () => {
    expect(smoothEma([2, 4], -1)).toEqual([2, 4]);
    expect(smoothEma([2, 4], 5)[1]).toBeGreaterThan(2.9);
  });
});
