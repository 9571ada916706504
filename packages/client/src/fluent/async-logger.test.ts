// The write-behind queue: batches within MLflow's limits, per-run order, error reporting on flush, exit-time draining.
import type { BatchContent } from '../mlflow-client/index.js';
import { describe, expect, it } from 'vitest';
import { AsyncLogger, takeBatch, type QueuedItem } from './async-logger.js';

const m = (runId: string, i: number): QueuedItem => ({
  runId,
  kind: 'metric',
  entity: { key: 'm', value: i, timestamp: i, step: i },
});
const p = (runId: string, key: string): QueuedItem => ({ runId, kind: 'param', entity: { key, value: 'v' } });
const t = (runId: string, key: string, value = 'v'): QueuedItem => ({
  runId,
  kind: 'tag',
  entity: { key, value },
});
const size = (b: BatchContent) => [b.metrics.length, b.params.length, b.tags.length];

describe('takeBatch', () => {
  it('fills a batch up to 1000 metrics, 100 params, 100 tags and 1000 entities', () => {
    const q: QueuedItem[] = [
      ...Array.from({ length: 1500 }, (_v, i) => m('r', i)),
      ...Array.from({ length: 150 }, (_v, i) => p('r', `p${i}`)),
    ];
    expect(size(takeBatch(q)?.batch as BatchContent)).toEqual([1000, 0, 0]);
    expect(size(takeBatch(q)?.batch as BatchContent)).toEqual([500, 100, 0]);
    expect(size(takeBatch(q)?.batch as BatchContent)).toEqual([0, 50, 0]);
    expect(takeBatch(q)).toBeUndefined();
    const mixed: QueuedItem[] = [
      ...Array.from({ length: 100 }, (_v, i) => t('r', `t${i}`)),
      ...Array.from({ length: 100 }, (_v, i) => p('r', `p${i}`)),
      ...Array.from({ length: 1000 }, (_v, i) => m('r', i)),
    ];
    expect(size(takeBatch(mixed)?.batch as BatchContent)).toEqual([800, 100, 100]);
  });

  it('keeps other runs queued in order and cuts before a repeated tag key', () => {
    const q = [t('a', 'k', '1'), m('b', 0), t('a', 'k', '2'), m('a', 1)];
    expect(takeBatch(q)).toEqual({
      runId: 'a',
      batch: { metrics: [], params: [], tags: [{ key: 'k', value: '1' }] },
    });
    expect(q.map((i) => i.runId)).toEqual(['b', 'a', 'a']);
    expect(takeBatch(q)?.runId).toBe('b');
    expect(takeBatch(q)?.batch.tags).toEqual([{ key: 'k', value: '2' }]);
  });
});

describe('AsyncLogger', () => {
  it('sends a burst in few batches, one at a time, and flush waits for all', async () => {
    const sent: [string, number[]][] = [];
    let inFlight = 0;
    const logger = new AsyncLogger(async (runId, b) => {
      inFlight++;
      expect(inFlight).toBe(1);
      await new Promise((r) => setTimeout(r, 5));
      sent.push([runId, size(b)]);
      inFlight--;
    });
    for (let i = 0; i < 2100; i++) logger.enqueue(m('r', i));
    logger.enqueue(p('r', 'lr'));
    expect(logger.pending).toBe(2101);
    await logger.flush();
    expect(logger.pending).toBe(0);
    expect(sent).toEqual([
      ['r', [1000, 0, 0]],
      ['r', [1000, 0, 0]],
      ['r', [100, 1, 0]],
    ]);
  });

  it('rejects flush with the first failure, then recovers', async () => {
    let fail = true;
    const logger = new AsyncLogger(() => (fail ? Promise.reject(new Error('refused')) : Promise.resolve()));
    logger.enqueue(m('r', 1));
    await expect(logger.flush()).rejects.toThrow('refused');
    fail = false;
    logger.enqueue(m('r', 2));
    await expect(logger.flush()).resolves.toBeUndefined();
  });

  it('hands everything unsent to takeAll, the batch in flight first', async () => {
    let release: () => void = () => undefined;
    const logger = new AsyncLogger(() => new Promise<void>((r) => (release = r)));
    logger.enqueue(m('r', 1));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    logger.enqueue(m('r', 2));
    const all = logger.takeAll();
    expect(all.map((b) => b.batch.metrics.map((x) => x.value))).toEqual([[1], [2]]);
    release();
  });
});
