// Concurrent log-batches on SQLite share one commit, yet each stays all-or-nothing on its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTrackingStore, type TrackingStore } from '@mlflow-ts/store';

const dir = mkdtempSync(path.join(tmpdir(), 'mlflow-ts-group-commit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh SQLite store with one experiment of 8 runs, whose batches the tests send at once. */
async function storeWithRuns(file: string): Promise<{ store: TrackingStore; ids: string[] }> {
  const store = await openTrackingStore(`sqlite:///${path.join(dir, file)}`, { defaultArtifactRoot: dir });
  const exp = await store.createExperiment({ name: 'e' });
  const runs = await Promise.all(
    Array.from({ length: 8 }, () => store.createRun({ experimentId: exp, userId: 'u', startTime: 0 })),
  );
  return { store, ids: runs.map((r) => r.info.run_id) };
}

describe('group commit', () => {
  it('a failing batch among concurrent ones writes nothing and fails alone', async () => {
    const { store, ids } = await storeWithRuns('g.db');
    // Run 3 already has param p = 'old'; its batch sets p = 'new' (params are immutable) after metrics.
    await store.logBatch(ids[3] as string, { metrics: [], params: [{ key: 'p', value: 'old' }], tags: [] });
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        store.logBatch(id, {
          metrics: Array.from({ length: 100 }, (_, s) => ({ key: 'm', value: s, timestamp: 1, step: s })),
          params: i === 3 ? [{ key: 'p', value: 'new' }] : [{ key: 'p', value: String(i) }],
          tags: [{ key: 't', value: String(i) }],
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map((_, i) => (i === 3 ? 'rejected' : 'fulfilled')));
    for (const [i, id] of ids.entries()) {
      const history = await store.getMetricHistory(id, 'm', {});
      const run = await store.getRun(id);
      if (i === 3) {
        expect(history.items).toHaveLength(0);
        expect((run.data.tags ?? []).some((t) => t.key === 't')).toBe(false);
        expect(run.data.params).toEqual([{ key: 'p', value: 'old' }]);
      } else {
        expect(history.items).toHaveLength(100);
        expect(run.data.params).toEqual([{ key: 'p', value: String(i) }]);
      }
    }
    await store.close();
  });

  it('a batch failing after it wrote part of itself leaves nothing, and the others land once', async () => {
    const { store, ids } = await storeWithRuns('h.db');
    // Batch 5 writes its param, then fails on a metric naming a logged model that does not exist.
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        store.logBatch(id, {
          params: [{ key: 'p', value: String(i) }],
          metrics: [
            ...Array.from({ length: 100 }, (_, s) => ({ key: 'm', value: s, timestamp: 1, step: s })),
            ...(i === 5 ? [{ key: 'm', value: 1, timestamp: 1, step: 0, model_id: 'm-unknown' }] : []),
          ],
          tags: [{ key: 't', value: String(i) }],
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
    const failure = results[5] as PromiseRejectedResult;
    expect((failure.reason as { code?: string }).code).toBe('BAD_REQUEST');
    for (const [i, id] of ids.entries()) {
      const run = await store.getRun(id);
      const history = await store.getMetricHistory(id, 'm', {});
      if (i === 5) {
        expect(run.data.params ?? []).toEqual([]);
        expect(history.items).toHaveLength(0);
        expect((run.data.tags ?? []).some((t) => t.key === 't')).toBe(false);
      } else {
        expect(run.data.params).toEqual([{ key: 'p', value: String(i) }]);
        expect(history.items).toHaveLength(100);
        expect(run.data.tags).toContainEqual({ key: 't', value: String(i) });
      }
    }
    await store.close();
  });
});
