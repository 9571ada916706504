// Conformance: the mlflow-ts metric envelope extension (step buckets with min/max/first/last).
import { describe, expect, it } from 'vitest';
import type { Metric } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import { newExperiment, newRun, useStore, type StoreFactory } from './harness.js';

async function runWith(store: TrackingStore, metrics: Metric[]): Promise<string> {
  const id = (await newRun(store, await newExperiment(store, `e-${Math.random()}`))).info.run_id;
  for (let i = 0; i < metrics.length; i += 1000) {
    await store.logBatch(id, { metrics: metrics.slice(i, i + 1000) });
  }
  return id;
}

const point = (step: number, value: number, timestamp = 1000 + step): Metric => ({
  key: 'loss',
  value,
  timestamp,
  step,
});

export function metricEnvelopeConformance(factory: StoreFactory): void {
  describe('metric envelope (extension)', () => {
    const store = useStore(factory);

    it('keeps every step as its own bucket when there are few steps', async () => {
      const id = await runWith(store(), [point(0, 5), point(1, 3), point(2, 4)]);
      const [env] = await store().getMetricHistoryEnvelope({
        runIds: [id],
        metricKey: 'loss',
        maxBuckets: 10,
      });
      expect(env?.bucket_width).toBe(1);
      expect(env?.buckets?.map((b) => [b.step_start, b.step_end, b.min_value, b.max_value, b.count])).toEqual(
        [
          [0, 0, 5, 5, 1],
          [1, 1, 3, 3, 1],
          [2, 2, 4, 4, 1],
        ],
      );
      expect(env?.buckets?.[1]).toMatchObject({ first_value: 3, last_value: 3, first_timestamp: 1001 });
    });

    it('never loses a one-step spike when 1,000 steps fall into 10 buckets', async () => {
      const metrics = Array.from({ length: 1000 }, (_, s) => point(s, s === 537 ? 1e6 : s === 212 ? -50 : 1));
      const id = await runWith(store(), metrics);
      const [env] = await store().getMetricHistoryEnvelope({
        runIds: [id],
        metricKey: 'loss',
        maxBuckets: 10,
      });
      expect(env?.bucket_width).toBe(100);
      const buckets = env?.buckets ?? [];
      expect(buckets).toHaveLength(10);
      expect(buckets[5]).toMatchObject({
        step_start: 500,
        step_end: 599,
        count: 100,
        max_value: 1e6,
        min_value: 1,
      });
      expect(buckets[2]).toMatchObject({ min_value: -50, max_value: 1 });
      expect(buckets[9]).toMatchObject({
        step_start: 900,
        step_end: 999,
        first_value: 1,
        last_timestamp: 1999,
      });
      expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(1000);
    });

    it('leaves out empty wide buckets (the range-per-bucket path)', async () => {
      const steps = [
        ...Array.from({ length: 128 }, (_, i) => i),
        ...Array.from({ length: 128 }, (_, i) => 1000 + i),
      ];
      const id = await runWith(
        store(),
        steps.map((s) => point(s, s % 7)),
      );
      const [env] = await store().getMetricHistoryEnvelope({
        runIds: [id],
        metricKey: 'loss',
        maxBuckets: 8,
      });
      expect(env?.bucket_width).toBe(141); // 1,128 steps from 0 to 1,127
      expect(env?.buckets?.map((b) => [b.step_start, b.step_end, b.count, b.min_value, b.max_value])).toEqual(
        [
          [0, 127, 128, 0, 6],
          [1000, 1127, 128, 0, 6],
        ],
      );
      expect(env?.buckets?.[1]).toMatchObject({ first_value: 1000 % 7, last_value: 1127 % 7 });
    });

    it('buckets from the first step, with gaps and negative steps', async () => {
      const id = await runWith(store(), [
        point(-7, 1),
        point(-6, 2),
        point(3, 9),
        point(12, 4),
        point(13, 0),
      ]);
      const [env] = await store().getMetricHistoryEnvelope({
        runIds: [id],
        metricKey: 'loss',
        maxBuckets: 2,
      });
      expect(env?.bucket_width).toBe(11); // 21 steps from -7 to 13
      expect(env?.buckets?.map((b) => [b.step_start, b.step_end, b.min_value, b.max_value])).toEqual([
        [-7, 3, 1, 9],
        [12, 13, 0, 4],
      ]);
    });

    it('counts NaN apart, keeps ±Infinity as ±max double, and orders points inside a step', async () => {
      const id = await runWith(store(), [
        point(0, Number.NaN, 10),
        point(0, 2, 5),
        point(0, 7, 20),
        point(1, Number.POSITIVE_INFINITY),
        point(2, Number.NaN),
      ]);
      const [env] = await store().getMetricHistoryEnvelope({
        runIds: [id],
        metricKey: 'loss',
        maxBuckets: 10,
      });
      const [b0, b1, b2] = env?.buckets ?? [];
      expect(b0).toMatchObject({ count: 3, nan_count: 1, min_value: 2, max_value: 7 });
      expect(b0).toMatchObject({ first_value: 2, first_timestamp: 5, last_value: 7, last_timestamp: 20 });
      expect(b1?.max_value).toBe(Number.MAX_VALUE);
      expect(b2?.nan_count).toBe(1);
      expect(b2?.min_value).toBeNaN();
      expect(b2?.first_value).toBeNaN();
    });

    it('sees points logged after an earlier read (no stale reuse)', async () => {
      const id = await runWith(store(), [point(0, 1), point(1, 2)]);
      const query = { runIds: [id], metricKey: 'loss', maxBuckets: 10 };
      const first = await store().getMetricHistoryEnvelope(query);
      expect(first[0]?.buckets).toHaveLength(2);
      expect(await store().getMetricHistoryEnvelope(query)).toEqual(first);
      await store().logMetric(id, point(2, 50));
      const [after] = await store().getMetricHistoryEnvelope(query);
      expect(after?.buckets?.map((b) => b.max_value)).toEqual([1, 2, 50]);
    });

    it('honours a step window and answers each run in request order, unknown ones empty', async () => {
      const a = await runWith(
        store(),
        Array.from({ length: 50 }, (_, s) => point(s, s)),
      );
      const b = await runWith(store(), [point(0, 1)]);
      const envs = await store().getMetricHistoryEnvelope({
        runIds: ['no-such-run', a, b],
        metricKey: 'loss',
        maxBuckets: 4,
        startStep: 10,
        endStep: 29,
      });
      expect(envs.map((e) => e.run_id)).toEqual(['no-such-run', a, b]);
      expect(envs[0]?.buckets).toEqual([]);
      expect(envs[2]?.buckets).toEqual([]);
      expect(envs[1]?.bucket_width).toBe(5);
      expect(envs[1]?.buckets?.map((x) => [x.step_start, x.step_end, x.min_value, x.max_value])).toEqual([
        [10, 14, 10, 14],
        [15, 19, 15, 19],
        [20, 24, 20, 24],
        [25, 29, 25, 29],
      ]);
      const other = await store().getMetricHistoryEnvelope({ runIds: [a], metricKey: 'acc', maxBuckets: 4 });
      expect(other[0]?.buckets).toEqual([]);
    });
  });
}
