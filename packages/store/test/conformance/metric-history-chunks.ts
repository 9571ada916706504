// Conformance: get-history read in chunks gives getMetricHistory's points, token and order, across page edges.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { encodePageToken, type Metric } from '@mlflow-ts/protocol';
import type { MetricHistoryInput, TrackingStore } from '@mlflow-ts/store';
import { useStore, newExperiment, newRun, type StoreFactory } from './harness.js';

/** Store pages hold 2048 rows; these shapes put (timestamp, step) groups across and beyond them. */
function points(): Metric[] {
  const out: Metric[] = [];
  // 1500 single points, then 600 points sharing one (timestamp, step) straddling row 2048, …
  for (let s = 0; s < 1500; s++) out.push({ key: 'm', value: s % 7, timestamp: 10 + s, step: s });
  for (let i = 0; i < 600; i++) out.push({ key: 'm', value: 600 - i, timestamp: 5000, step: 1 });
  // … then a group of 2300 points, larger than a page, with NaN and ±Infinity among them, …
  for (let i = 0; i < 2300; i++) {
    const value = i === 7 ? Number.NaN : i === 8 ? Infinity : i === 9 ? -Infinity : (i * 37) % 2300;
    out.push({ key: 'm', value, timestamp: 6000, step: 2 });
  }
  // … and a tail whose timestamps run backwards against the steps.
  for (let s = 0; s < 900; s++) out.push({ key: 'm', value: s, timestamp: 9000 - s, step: 100 + s });
  return out;
}

/** Bytes of the heap still reachable: a full collection first (gc is exposed at run time for it). */
function liveHeap(): number {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

async function collect(
  store: TrackingStore,
  runId: string,
  input: MetricHistoryInput,
): Promise<{ items: Metric[]; token?: string; biggest: number }> {
  const chunks = store.metricHistoryChunks(runId, 'm', input);
  const items: Metric[] = [];
  let biggest = 0;
  for await (const c of chunks) {
    biggest = Math.max(biggest, c.length);
    for (let i = 0; i < c.length; i++) {
      items.push({
        key: c.key,
        value: c.values[i] as number,
        timestamp: c.timestamps[i] as number,
        step: c.steps[i] as number,
      });
    }
  }
  return { items, token: chunks.nextPageToken, biggest };
}

export function metricHistoryChunksConformance(factory: StoreFactory): void {
  describe('metric history in chunks', () => {
    const store = useStore(factory);

    it('matches getMetricHistory whole, from an offset, and in large pages', async () => {
      const id = (await newRun(store(), await newExperiment(store()))).info.run_id;
      const all = points();
      for (let i = 0; i < all.length; i += 1000)
        await store().logBatch(id, { metrics: all.slice(i, i + 1000) });
      const cases: MetricHistoryInput[] = [
        {},
        { pageToken: encodePageToken(1700) }, // inside the 600-point group
        { pageToken: encodePageToken(2500) }, // inside the group larger than a page
        { maxResults: 3000 },
        { maxResults: 3000, pageToken: encodePageToken(2100) },
        { maxResults: all.length },
        { maxResults: 5000, pageToken: encodePageToken(all.length - 10) },
      ];
      for (const input of cases) {
        const expected = await store().getMetricHistory(id, 'm', input);
        const got = await collect(store(), id, input);
        expect(got.items, JSON.stringify(input)).toEqual(expected.items);
        expect(got.token, JSON.stringify(input)).toBe(expected.nextPageToken);
        expect(got.biggest).toBeLessThanOrEqual(2048);
      }
      expect((await collect(store(), id, {})).items).toHaveLength(all.length);
    });

    it('holds about one chunk, not the whole history, and lets go when the reader stops', async () => {
      const id = (await newRun(store(), await newExperiment(store()))).info.run_id;
      const total = 100_000;
      for (let start = 0; start < total; start += 1000)
        await store().logBatch(id, {
          metrics: Array.from({ length: 1000 }, (_, i) => ({
            key: 'm',
            value: (start + i) / 7,
            timestamp: 1_700_000_000_000 + start + i,
            step: start + i,
          })),
        });
      // A buffered read holds every row as an object (~10 MB for 100k) while the first chunk is
      // out; a streamed one a chunk or two. Live memory then, less live memory once the read is
      // over (connections and their buffers are alike in both), each after a full collection.
      const chunks = store().metricHistoryChunks(id, 'm')[Symbol.asyncIterator]();
      const first = await chunks.next();
      const whileReading = liveHeap();
      expect(first.done).toBe(false);
      let count = first.value?.length ?? 0;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) count += next.value.length;
      expect(count).toBe(total);
      const held = whileReading - liveHeap();
      expect(held).toBeLessThan(4 * 1024 * 1024);
      // Readers that stop after one chunk (a client that went away) must not keep a connection each.
      for (let i = 0; i < 25; i++) {
        for await (const chunk of store().metricHistoryChunks(id, 'm')) {
          expect(chunk.length).toBeGreaterThan(0);
          break;
        }
      }
      expect((await store().getMetricHistory(id, 'm', { maxResults: 1 })).items).toHaveLength(1);
    }, 120_000);

    it('is empty for unknown runs and keys; a bad token throws on the first read', async () => {
      expect((await collect(store(), 'nope', {})).items).toEqual([]);
      await expect(collect(store(), 'nope', { pageToken: 'bad' })).rejects.toThrow(/page token/);
    });
  });
}
