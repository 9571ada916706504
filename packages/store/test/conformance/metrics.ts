// Conformance: metric history (paged), bulk history across runs, and bulk-interval sampling.
import { describe, expect, it } from 'vitest';
import { decodePageToken } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import { useStore, expectMlflowError, newExperiment, newRun, type StoreFactory } from './harness.js';

async function runWithSteps(store: TrackingStore, exp: string, steps: number, key = 'm'): Promise<string> {
  const id = (await newRun(store, exp)).info.run_id;
  await store.logBatch(id, {
    metrics: Array.from({ length: steps }, (_, s) => ({ key, value: s * 10, timestamp: 1000 + s, step: s })),
  });
  return id;
}

export function metricsConformance(factory: StoreFactory): void {
  describe('metric history', () => {
    const store = useStore(factory);

    it('orders by timestamp, then step, then value', async () => {
      const id = (await newRun(store(), await newExperiment(store()))).info.run_id;
      await store().logBatch(id, {
        metrics: [
          { key: 'm', value: 3, timestamp: 2, step: 0 },
          { key: 'm', value: 2, timestamp: 1, step: 5 },
          { key: 'm', value: 1, timestamp: 1, step: 5 },
          { key: 'm', value: 9, timestamp: 1, step: 1 },
          { key: 'other', value: 0, timestamp: 0, step: 0 },
        ],
      });
      const page = await store().getMetricHistory(id, 'm');
      expect(page.items.map((p) => [p.timestamp, p.step, p.value])).toEqual([
        [1, 1, 9],
        [1, 5, 1],
        [1, 5, 2],
        [2, 0, 3],
      ]);
      expect(page.items[0]).toEqual({ key: 'm', value: 9, timestamp: 1, step: 1 });
      expect(page.nextPageToken).toBeUndefined();
    });

    it('pages with offset tokens when maxResults is given (4, 4, 2)', async () => {
      const id = await runWithSteps(store(), await newExperiment(store()), 10);
      const first = await store().getMetricHistory(id, 'm', { maxResults: 4 });
      expect(first.items.map((p) => p.step)).toEqual([0, 1, 2, 3]);
      expect(decodePageToken(first.nextPageToken)).toBe(4);
      const second = await store().getMetricHistory(id, 'm', {
        maxResults: 4,
        pageToken: first.nextPageToken,
      });
      expect(second.items.map((p) => p.step)).toEqual([4, 5, 6, 7]);
      const third = await store().getMetricHistory(id, 'm', {
        maxResults: 4,
        pageToken: second.nextPageToken,
      });
      expect(third.items.map((p) => p.step)).toEqual([8, 9]);
      expect(third.nextPageToken).toBeUndefined();
      const exact = await store().getMetricHistory(id, 'm', { maxResults: 10 });
      expect(exact.items).toHaveLength(10);
      expect(exact.nextPageToken).toBeUndefined();
      const rest = await store().getMetricHistory(id, 'm', { pageToken: first.nextPageToken });
      expect(rest.items.map((p) => p.step)).toEqual([4, 5, 6, 7, 8, 9]);
    });

    it('is empty for unknown runs and keys; rejects bad tokens', async () => {
      expect((await store().getMetricHistory('nope', 'm')).items).toEqual([]);
      const id = await runWithSteps(store(), await newExperiment(store()), 1);
      expect((await store().getMetricHistory(id, 'zzz')).items).toEqual([]);
      await expectMlflowError(
        store().getMetricHistory(id, 'm', { pageToken: 'not-a-token' }),
        'INVALID_PARAMETER_VALUE',
        /Invalid page token/,
      );
    });

    it('bulk: ordered by run id, then timestamp, step, value; capped at maxResults', async () => {
      const exp = await newExperiment(store());
      const ids = [
        await runWithSteps(store(), exp, 3),
        await runWithSteps(store(), exp, 2),
        await runWithSteps(store(), exp, 1, 'x'),
      ];
      const sorted = [...ids].sort();
      const all = await store().getMetricHistoryBulk(ids, 'm', 100);
      const expected = sorted.flatMap((id) => {
        const n = id === ids[0] ? 3 : id === ids[1] ? 2 : 0;
        return Array.from({ length: n }, (_, s) => ({
          key: 'm',
          value: s * 10,
          timestamp: 1000 + s,
          step: s,
          run_id: id,
        }));
      });
      expect(all).toEqual(expected);
      expect(await store().getMetricHistoryBulk(ids, 'm', 2)).toEqual(expected.slice(0, 2));
      expect(await store().getMetricHistoryBulk(['nope'], 'm', 10)).toEqual([]);
    });

    it('bulk interval: NTILE buckets plus the last point, per run', async () => {
      const exp = await newExperiment(store());
      const a = await runWithSteps(store(), exp, 10);
      const b = await runWithSteps(store(), exp, 3);
      const steps = async (
        runIds: string[],
        maxResults: number,
        window: { startStep?: number; endStep?: number } = {},
      ) =>
        (await store().getMetricHistoryBulkInterval({ runIds, metricKey: 'm', maxResults, ...window })).map(
          (m) => [m.run_id === a ? 'a' : 'b', m.step],
        );
      expect(await steps([a], 5)).toEqual([0, 2, 4, 6, 9].map((s) => ['a', s]));
      expect(await steps([a], 3)).toEqual([0, 4, 9].map((s) => ['a', s]));
      expect(await steps([a], 1)).toEqual([['a', 9]]);
      expect(await steps([a], 20)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((s) => ['a', s]));
      expect(await steps([a, b], 2)).toEqual([
        ['a', 0],
        ['a', 9],
        ['b', 0],
        ['b', 2],
      ]);
      expect(await steps([a], 3, { startStep: 2, endStep: 6 })).toEqual([2, 4, 6].map((s) => ['a', s]));
      expect(await steps([a], 10, { startStep: 20, endStep: 30 })).toEqual([]);
      const point = (
        await store().getMetricHistoryBulkInterval({ runIds: [b], metricKey: 'm', maxResults: 1 })
      )[0];
      expect(point).toEqual({ key: 'm', value: 20, timestamp: 1002, step: 2, run_id: b });
    });

    it('bulk interval: many points on shared steps sample as NTILE over the sorted rows', async () => {
      const id = (await newRun(store(), await newExperiment(store()))).info.run_id;
      // A fixed pseudo-random mix: 300 points over steps 0..19, each step several times, in no order.
      const points = Array.from({ length: 300 }, (_, i) => ({
        key: 'm',
        value: (i * 37) % 101,
        timestamp: 5000 + ((i * 113) % 300),
        step: (i * 7) % 20,
      }));
      await store().logBatch(id, { metrics: points });
      const sorted = (range?: [number, number]) =>
        points
          .filter((p) => !range || (p.step >= range[0] && p.step <= range[1]))
          .sort((a, b) => a.step - b.step || a.timestamp - b.timestamp || a.value - b.value);
      // MLflow's rule written out row by row: NTILE(k) numbers the sorted rows into k buckets (the
      // first n % k one row longer), each bucket gives its first row, and the last row replaces
      // the last sample.
      const expected = (rows: typeof points, k: number) => {
        if (rows.length <= k) return rows;
        const base = Math.floor(rows.length / k);
        const picked: typeof points = [];
        let start = 0;
        for (let bucket = 0; bucket < k; bucket++) {
          picked.push(rows[start] as (typeof points)[number]);
          start += base + (bucket < rows.length % k ? 1 : 0);
        }
        picked[k - 1] = rows[rows.length - 1] as (typeof points)[number];
        return picked;
      };
      const sample = async (k: number, range?: [number, number]) =>
        (
          await store().getMetricHistoryBulkInterval({
            runIds: [id],
            metricKey: 'm',
            maxResults: k,
            ...(range ? { startStep: range[0], endStep: range[1] } : {}),
          })
        ).map((m) => [m.step, m.timestamp, m.value]);
      for (const [k, range] of [[37], [7], [299], [13, [3, 15]], [2, [19, 19]]] as [
        number,
        [number, number]?,
      ][]) {
        const want = expected(sorted(range), k).map((p) => [p.step, p.timestamp, p.value]);
        expect(await sample(k, range), `max_results ${k}, steps ${range?.join('..') ?? 'all'}`).toEqual(want);
      }
    });

    it('bulk interval: a repeated read is answered again after new points (no stale reuse)', async () => {
      const exp = await newExperiment(store());
      const id = await runWithSteps(store(), exp, 50);
      const read = async () =>
        (await store().getMetricHistoryBulkInterval({ runIds: [id], metricKey: 'm', maxResults: 5 })).map(
          (m) => m.step,
        );
      expect(await read()).toEqual([0, 10, 20, 30, 49]);
      expect(await read()).toEqual([0, 10, 20, 30, 49]);
      await store().logBatch(id, {
        metrics: Array.from({ length: 50 }, (_, i) => ({
          key: 'm',
          value: i,
          timestamp: 9000 + i,
          step: 50 + i,
        })),
      });
      expect(await read()).toEqual([0, 20, 40, 60, 99]);
    });

    it('bulk interval: several points on one step, NaN, and window errors', async () => {
      const id = (await newRun(store(), await newExperiment(store()))).info.run_id;
      await store().logBatch(id, {
        metrics: [
          ...Array.from({ length: 6 }, (_, i) => ({ key: 'm', value: i, timestamp: i, step: 0 })),
          { key: 'm', value: Number.NaN, timestamp: 9, step: 1 },
        ],
      });
      const sampled = await store().getMetricHistoryBulkInterval({
        runIds: [id],
        metricKey: 'm',
        maxResults: 3,
      });
      expect(sampled.map((m) => [m.step, m.timestamp])).toEqual([
        [0, 0],
        [0, 3],
        [1, 9],
      ]);
      expect(sampled[2]?.value).toBeNaN();
      await expectMlflowError(
        store().getMetricHistoryBulkInterval({ runIds: [id], metricKey: 'm', maxResults: 3, startStep: 1 }),
        'INVALID_PARAMETER_VALUE',
        'Both start_step and end_step must be specified together, or neither may be specified.',
      );
    });
  });
}
