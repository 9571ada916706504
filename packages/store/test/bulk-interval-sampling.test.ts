// Bulk-interval sampling by row positions gives exactly MLflow 3.18's NTILE/ROW_NUMBER window query.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openTrackingStore } from '@mlflow-ts/store';

const dir = mkdtempSync(path.join(tmpdir(), 'mlflow-ts-bulk-interval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** MLflow's own query (sqlalchemy_store._sample_rows_with_window_functions) plus its last-row rule. */
function mlflowSample(file: string, runId: string, maxResults: number, window?: [number, number]) {
  const db = new Database(file, { readonly: true });
  const where = `run_uuid = ? AND key = 'm'${window ? ' AND step >= ? AND step <= ?' : ''}`;
  const args = window ? [runId, ...window] : [runId];
  const order = 'step, timestamp, value, is_nan';
  type Row = { value: number; timestamp: number; step: number; is_nan: number };
  const rows = db
    .prepare(
      `SELECT value, timestamp, step, is_nan FROM (
         SELECT value, timestamp, step, is_nan, ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY ${order}) AS rn
         FROM (SELECT value, timestamp, step, is_nan, NTILE(${maxResults}) OVER (ORDER BY ${order}) AS bucket
               FROM metrics WHERE ${where}))
       WHERE rn = 1 ORDER BY ${order}`,
    )
    .all(...args) as Row[];
  const last = db
    .prepare(
      `SELECT value, timestamp, step, is_nan FROM metrics WHERE ${where}
              ORDER BY step DESC, timestamp DESC, value DESC, is_nan DESC LIMIT 1`,
    )
    .get(...args) as Row | undefined;
  db.close();
  const same = (a: Row, b: Row) =>
    a.step === b.step &&
    a.timestamp === b.timestamp &&
    a.is_nan === b.is_nan &&
    (a.is_nan === 1 || a.value === b.value);
  const tail = rows[rows.length - 1];
  if (last && (!tail || !same(tail, last))) {
    if (rows.length >= maxResults) rows[rows.length - 1] = last;
    else rows.push(last);
  }
  return rows.map((r) => ({ step: r.step, timestamp: r.timestamp, value: r.is_nan ? Number.NaN : r.value }));
}

describe('bulk-interval sampling', () => {
  it('matches the window query on random histories with repeated steps, timestamps and NaN', async () => {
    const file = path.join(dir, 'random.db');
    const store = await openTrackingStore(`sqlite:///${file}`, { defaultArtifactRoot: dir });
    const exp = await store.createExperiment({ name: 'e' });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const runs: string[] = [];
    for (const size of [0, 1, 5, 37, 320, 321, 641, 1000, 2500]) {
      const runId = (await store.createRun({ experimentId: exp, userId: 'u', startTime: 0 })).info.run_id;
      runs.push(runId);
      const dense = random() < 0.5; // half the runs repeat steps a lot
      const metrics = Array.from({ length: size }, (_, i) => ({
        key: 'm',
        value: random() < 0.05 ? Number.NaN : Math.floor(random() * 4),
        timestamp: Math.floor(random() * 3),
        step: dense ? Math.floor(random() * (size / 4 + 1)) : i * 2 + (random() < 0.2 ? 1 : 0),
      }));
      for (let i = 0; i < metrics.length; i += 1000) {
        await store.logBatch(runId, { metrics: metrics.slice(i, i + 1000), params: [], tags: [] });
      }
    }
    for (const runId of runs) {
      for (const maxResults of [1, 2, 3, 10, 320]) {
        for (const window of [undefined, [3, 90] as [number, number], [0, 10_000] as [number, number]]) {
          const ours = await store.getMetricHistoryBulkInterval({
            runIds: [runId],
            metricKey: 'm',
            maxResults,
            ...(window ? { startStep: window[0], endStep: window[1] } : {}),
          });
          const got = ours.map((m) => ({ step: m.step, timestamp: m.timestamp, value: m.value }));
          expect(got, `${runId} ${maxResults} ${String(window)}`).toEqual(
            mlflowSample(file, runId, maxResults, window),
          );
        }
      }
    }
    await store.close();
  }, 60_000);

  it('re-reads after a write from this store or another connection', async () => {
    const file = path.join(dir, 'stale.db');
    const store = await openTrackingStore(`sqlite:///${file}`, { defaultArtifactRoot: dir });
    const exp = await store.createExperiment({ name: 'e' });
    const runId = (await store.createRun({ experimentId: exp, userId: 'u', startTime: 0 })).info.run_id;
    const metrics = Array.from({ length: 50 }, (_, i) => ({ key: 'm', value: i, timestamp: 1, step: i }));
    await store.logBatch(runId, { metrics, params: [], tags: [] });
    const read = async () =>
      (await store.getMetricHistoryBulkInterval({ runIds: [runId], metricKey: 'm', maxResults: 5 })).map(
        (m) => m.step,
      );
    expect(await read()).toEqual([0, 10, 20, 30, 49]);
    expect(await read()).toEqual([0, 10, 20, 30, 49]);
    await store.logMetric(runId, { key: 'm', value: 1, timestamp: 1, step: 50 });
    expect(await read()).toEqual([0, 11, 21, 31, 50]);
    const other = new Database(file);
    other
      .prepare(
        "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES ('m', 1, 1, ?, 51, 0)",
      )
      .run(runId);
    other.close();
    expect(await read()).toEqual([0, 11, 22, 32, 51]);
    await store.close();
  });
});
