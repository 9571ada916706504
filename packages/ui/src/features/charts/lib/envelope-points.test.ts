// Unit tests of envelope → points → aligned columns, the data path of every metric chart.
import { describe, expect, it } from 'vitest';
import type { MetricEnvelope, MetricEnvelopeBucket } from '@mlflow-ts/protocol';
import { alignRuns, drawnPoints } from './aligned-data.js';
import { smoothEma } from './ema-smoothing.js';
import { envelopePoints } from './envelope-points.js';

function bucket(
  start: number,
  end: number,
  values: Partial<MetricEnvelopeBucket> = {},
): MetricEnvelopeBucket {
  return {
    step_start: start,
    step_end: end,
    count: end - start + 1,
    nan_count: 0,
    min_value: 0,
    max_value: 10,
    first_value: 1,
    first_timestamp: 1_000_000 + start * 1000,
    last_value: 2,
    last_timestamp: 1_000_000 + end * 1000,
    ...values,
  };
}

const env = (buckets: MetricEnvelopeBucket[]): MetricEnvelope => ({ run_id: 'r', bucket_width: 1, buckets });

describe('envelopePoints', () => {
  it('draws a bucket as its first and last point, both with the bucket band', () => {
    expect(envelopePoints(env([bucket(0, 9), bucket(10, 10)]), 'step')).toEqual([
      { x: 0, y: 1, lo: 0, hi: 10 },
      { x: 9, y: 2, lo: 0, hi: 10 },
      { x: 10, y: 1, lo: 0, hi: 10 },
    ]);
  });

  it('uses seconds for wall time and seconds since the first point for relative time', () => {
    const e = env([bucket(0, 1), bucket(5, 5)]);
    expect(envelopePoints(e, 'wall').map((p) => p.x)).toEqual([1000, 1001, 1005]);
    expect(envelopePoints(e, 'relative').map((p) => p.x)).toEqual([0, 1, 5]);
  });

  it('turns NaN and stored ±Infinity (±max double) into gaps', () => {
    const [p] = envelopePoints(
      env([bucket(0, 0, { first_value: Number.NaN, min_value: -Number.MAX_VALUE, max_value: 3 })]),
      'step',
    );
    expect(p).toEqual({ x: 0, y: null, lo: null, hi: 3 });
  });
});

describe('alignRuns', () => {
  it('joins runs on a shared x, three columns per run', () => {
    const a = [
      { x: 0, y: 1, lo: 1, hi: 1 },
      { x: 2, y: 3, lo: 3, hi: 3 },
    ];
    const b = [{ x: 1, y: 5, lo: 4, hi: 6 }];
    const cols = alignRuns([a, b], { log: false, smooth: (ys) => ys });
    expect(cols).toEqual([
      [0, 1, 2],
      [1, null, 3],
      [1, null, 3],
      [1, null, 3],
      [null, 5, null],
      [null, 4, null],
      [null, 6, null],
    ]);
    expect(drawnPoints(cols)).toBe(3);
  });

  it('drops values ≤ 0 on a log scale and smooths only the line', () => {
    const a = [
      { x: 0, y: 0, lo: -1, hi: 4 },
      { x: 1, y: 4, lo: 4, hi: 4 },
    ];
    const cols = alignRuns([a], { log: true, smooth: (ys) => smoothEma(ys, 0.5) });
    expect(cols[1]).toEqual([null, expect.closeTo(8 / 3, 6)]);
    expect(cols[2]).toEqual([null, 4]);
    expect(cols[3]).toEqual([4, 4]);
  });

  it('keeps 1,000 buckets of a 1,000,000-step metric at ≤ 2,000 points', () => {
    const buckets = Array.from({ length: 1000 }, (_, i) => bucket(i * 1000, i * 1000 + 999));
    const cols = alignRuns([envelopePoints(env(buckets), 'step')], { log: false, smooth: (ys) => ys });
    expect(drawnPoints(cols)).toBe(2000);
  });
});
