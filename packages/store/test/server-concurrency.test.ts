// PostgreSQL and MySQL: concurrent log-batch calls into one run and one key neither deadlock nor lose rows (MLflow #4353).
import { afterAll, describe, expect, it } from 'vitest';
import { openTrackingStore, type TrackingStore } from '@mlflow-ts/store';
import {
  connect,
  createDatabase,
  dialectSelected,
  dropDatabase,
  storeUri,
  describeSkipped,
  unreachable,
  unreachableNotice,
  type ServerDialect,
} from './support/server-databases.js';

const BATCHES = 10;
const POINTS = 100;

/** Batch `b` logs steps b*POINTS … and the shared params/tags, all under the same keys. */
function batch(b: number) {
  return {
    metrics: Array.from({ length: POINTS }, (_, i) => ({
      key: 'loss',
      value: b * POINTS + i,
      timestamp: 1000 + i,
      step: b * POINTS + i,
    })),
    params: [{ key: 'lr', value: '0.1' }],
    tags: [{ key: 'phase', value: `batch-${b}` }],
  };
}

async function describeServer(dialect: ServerDialect): Promise<void> {
  const notice = dialectSelected(dialect) ? await unreachable(dialect) : 'deselected';
  if (notice) {
    describeSkipped(`${dialect} concurrent logBatch`);
    if (notice === 'deselected') return;
    unreachableNotice(`${dialect} concurrency: ${notice}`);
    return;
  }
  describe(`${dialect} concurrent logBatch`, () => {
    let database = '';
    let store: TrackingStore | undefined;
    afterAll(async () => {
      await store?.close();
      if (database) await dropDatabase(dialect, database);
    });

    it(`${BATCHES} batches into the same run and key all land`, async () => {
      database = await createDatabase(dialect, 'conc');
      store = await openTrackingStore(storeUri(dialect, database), {
        defaultArtifactRoot: 'mlflow-artifacts:/',
      });
      const s = store;
      const run = await s.createRun({ experimentId: '0', userId: 'u', startTime: 1 });
      const runId = run.info.run_id;
      const results = await Promise.allSettled(
        Array.from({ length: BATCHES }, (_, b) => s.logBatch(runId, batch(b))),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const client = await connect(dialect, database);
      try {
        const [count] = await client.query(`SELECT COUNT(*) AS n FROM metrics WHERE run_uuid = '${runId}'`);
        expect(Number(count?.n)).toBe(BATCHES * POINTS);
      } finally {
        await client.close();
      }
      const latest = (await s.getRun(runId)).data.metrics?.find((m) => m.key === 'loss');
      expect(latest?.step).toBe(BATCHES * POINTS - 1);
      expect((await s.getRun(runId)).data.params).toEqual([{ key: 'lr', value: '0.1' }]);
    });
  });
}

await describeServer('postgres');
await describeServer('mysql');
