// Conformance: logging metrics, params, tags and batches; latest-metric rules; active-run checks.
import { describe, expect, it } from 'vitest';
import type { TrackingStore } from '@mlflow-ts/store';
import {
  useStore,
  expectMlflowError,
  newExperiment,
  newRun,
  asRecord,
  tagsOf,
  type StoreFactory,
} from './harness.js';

const MAX = Number.MAX_VALUE;

async function latest(store: TrackingStore, runId: string, key: string) {
  return (await store.getRun(runId)).data.metrics?.find((m) => m.key === key);
}

export function loggingConformance(factory: StoreFactory): void {
  describe('logging', () => {
    const store = useStore(factory);
    const run = async () => (await newRun(store(), await newExperiment(store()))).info.run_id;

    it('metrics: NaN and ±Infinity are stored as MLflow stores them', async () => {
      const id = await run();
      await store().logMetric(id, { key: 'nan', value: Number.NaN, timestamp: 1, step: 0 });
      await store().logMetric(id, { key: 'inf', value: Number.POSITIVE_INFINITY, timestamp: 1, step: 0 });
      await store().logMetric(id, { key: 'ninf', value: Number.NEGATIVE_INFINITY, timestamp: 1, step: 0 });
      expect((await latest(store(), id, 'nan'))?.value).toBeNaN();
      expect((await latest(store(), id, 'inf'))?.value).toBe(MAX);
      expect((await latest(store(), id, 'ninf'))?.value).toBe(-MAX);
      expect((await store().getMetricHistory(id, 'nan')).items[0]?.value).toBeNaN();
      expect((await store().getMetricHistory(id, 'inf')).items[0]?.value).toBe(MAX);
    });

    it('metrics: exact duplicates are ignored, anything else is a new point', async () => {
      const id = await run();
      const m = { key: 'm', value: 1, timestamp: 10, step: 0 };
      await store().logMetric(id, m);
      await store().logMetric(id, m);
      await store().logBatch(id, {
        metrics: [m, m, { ...m, value: 2 }, { ...m, value: Number.NaN }, { ...m, value: Number.NaN }],
      });
      await store().logMetric(id, { ...m, value: Number.NaN });
      const history = (await store().getMetricHistory(id, 'm')).items;
      expect(history.map((p) => p.value)).toEqual([Number.NaN, 1, 2]);
    });

    it('metrics: latest is the largest (step, timestamp, value), compared within and across batches', async () => {
      const id = await run();
      await store().logMetric(id, { key: 'a', value: 5, timestamp: 100, step: 2 });
      await store().logMetric(id, { key: 'a', value: 9, timestamp: 200, step: 1 });
      expect(await latest(store(), id, 'a')).toEqual({ key: 'a', value: 5, timestamp: 100, step: 2 });
      await store().logMetric(id, { key: 'a', value: 1, timestamp: 101, step: 2 });
      expect(await latest(store(), id, 'a')).toEqual({ key: 'a', value: 1, timestamp: 101, step: 2 });
      await store().logMetric(id, { key: 'a', value: 3, timestamp: 101, step: 2 });
      expect((await latest(store(), id, 'a'))?.value).toBe(3);
      await store().logBatch(id, {
        metrics: [
          { key: 'b', value: 1, timestamp: 5, step: 3 },
          { key: 'b', value: 7, timestamp: 9, step: 3 },
          { key: 'b', value: 8, timestamp: 1, step: 3 },
          { key: 'a', value: 0, timestamp: 1, step: 9 },
        ],
      });
      expect(await latest(store(), id, 'b')).toEqual({ key: 'b', value: 7, timestamp: 9, step: 3 });
      expect(await latest(store(), id, 'a')).toEqual({ key: 'a', value: 0, timestamp: 1, step: 9 });
    });

    it('metrics: NaN competes for latest as value 0', async () => {
      const id = await run();
      await store().logMetric(id, { key: 'n', value: -1, timestamp: 1, step: 1 });
      await store().logMetric(id, { key: 'n', value: Number.NaN, timestamp: 1, step: 1 });
      expect((await latest(store(), id, 'n'))?.value).toBeNaN();
      await store().logMetric(id, { key: 'n', value: 0.5, timestamp: 1, step: 1 });
      expect((await latest(store(), id, 'n'))?.value).toBe(0.5);
      await store().logMetric(id, { key: 'n', value: Number.NaN, timestamp: 1, step: 2 });
      expect((await latest(store(), id, 'n'))?.value).toBeNaN();
    });

    it('params: immutable; the same value again is fine', async () => {
      const id = await run();
      await store().logParam(id, { key: 'p', value: 'v' });
      await store().logParam(id, { key: 'p', value: 'v' });
      await store().logParam(id, { key: 'empty', value: '' });
      await expectMlflowError(
        store().logParam(id, { key: 'p', value: 'w' }),
        'INVALID_PARAMETER_VALUE',
        `Changing param values is not allowed. Param with key='p' was already logged with value='v' for run ID='${id}'. Attempted logging new value 'w'.`,
      );
      expect(asRecord((await store().getRun(id)).data.params)).toEqual({ p: 'v', empty: '' });
    });

    it('tags: set overwrites, delete removes, missing tag is an error', async () => {
      const id = await run();
      await store().setTag(id, { key: 't', value: '1' });
      await store().setTag(id, { key: 't', value: '2' });
      await store().setTag(id, { key: 'e', value: '' });
      expect(tagsOf(await store().getRun(id))).toMatchObject({ t: '2', e: '' });
      await store().deleteTag(id, 't');
      expect(tagsOf(await store().getRun(id))).not.toHaveProperty('t');
      await expectMlflowError(
        store().deleteTag(id, 't'),
        'RESOURCE_DOES_NOT_EXIST',
        `No tag with name: t in run with id ${id}`,
      );
    });

    it('logBatch writes params, metrics and tags; the last tag value wins', async () => {
      const id = await run();
      await store().logBatch(id, {
        params: [
          { key: 'lr', value: '0.1' },
          { key: 'e', value: '' },
        ],
        metrics: [{ key: 'loss', value: 0.5, timestamp: 1, step: 0 }],
        tags: [
          { key: 't', value: 'a' },
          { key: 't', value: 'b' },
          { key: 'u', value: '' },
        ],
      });
      const fetched = await store().getRun(id);
      expect(asRecord(fetched.data.params)).toEqual({ lr: '0.1', e: '' });
      expect(fetched.data.metrics).toEqual([{ key: 'loss', value: 0.5, timestamp: 1, step: 0 }]);
      expect(tagsOf(fetched)).toMatchObject({ t: 'b', u: '' });
      await store().logBatch(id, {});
      await store().logBatch(id, { params: [{ key: 'lr', value: '0.1' }] });
    });

    it('logBatch: changed params are listed as Python prints them, and nothing is written', async () => {
      const id = await run();
      await store().logBatch(id, {
        params: [
          { key: 'a', value: '1' },
          { key: 'q', value: "it's" },
        ],
      });
      await expectMlflowError(
        store().logBatch(id, {
          params: [
            { key: 'a', value: '2' },
            { key: 'new', value: 'x' },
            { key: 'q', value: 'plain' },
          ],
          metrics: [{ key: 'm', value: 1, timestamp: 1, step: 0 }],
          tags: [{ key: 't', value: 'v' }],
        }),
        'INVALID_PARAMETER_VALUE',
        `Changing param values is not allowed. Params were already logged='[{'key': 'a', 'old_value': '1', 'new_value': '2'}, {'key': 'q', 'old_value': "it's", 'new_value': 'plain'}]' for run ID='${id}'.`,
      );
      const fetched = await store().getRun(id);
      expect(asRecord(fetched.data.params)).toEqual({ a: '1', q: "it's" });
      expect(fetched.data.metrics).toEqual([]);
      expect(tagsOf(fetched)).not.toHaveProperty('t');
    });

    it('logBatch is all or nothing when a later part fails', async () => {
      const id = await run();
      // Params are written first; the metric naming an unknown logged model then fails.
      await expect(
        store().logBatch(id, {
          params: [{ key: 'p', value: '1' }],
          metrics: [
            { key: 'm', value: 1, timestamp: 1, step: 0 },
            { key: 'mm', value: 1, timestamp: 1, step: 0, model_id: 'm-unknown' },
          ],
          tags: [{ key: 't', value: 'v' }],
        }),
      ).rejects.toThrow();
      const fetched = await store().getRun(id);
      expect(fetched.data.params).toEqual([]);
      expect(fetched.data.metrics).toEqual([]);
      expect((await store().getMetricHistory(id, 'm')).items).toEqual([]);
      expect(tagsOf(fetched)).not.toHaveProperty('t');
    });

    it('every write needs an existing, active run', async () => {
      const id = await run();
      await store().deleteRun(id);
      const inactive = `The run ${id} must be in the 'active' state. Current state is deleted.`;
      const writes: Array<(s: TrackingStore, runId: string) => Promise<unknown>> = [
        (s, r) => s.logMetric(r, { key: 'm', value: 1, timestamp: 1, step: 0 }),
        (s, r) => s.logParam(r, { key: 'p', value: 'v' }),
        (s, r) => s.setTag(r, { key: 't', value: 'v' }),
        (s, r) => s.deleteTag(r, 't'),
        (s, r) => s.logBatch(r, { metrics: [], params: [], tags: [] }),
        (s, r) => s.logInputs(r, []),
        (s, r) => s.logOutputs(r, [{ model_id: 'm-1', step: 0 }]),
      ];
      for (const write of writes) {
        await expectMlflowError(write(store(), id), 'INVALID_PARAMETER_VALUE', inactive);
        await expectMlflowError(
          write(store(), 'missing'),
          'RESOURCE_DOES_NOT_EXIST',
          'Run with id=missing not found',
        );
      }
    });
  });
}
