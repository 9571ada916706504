// TEMPORARY (U2): keeps 1M-point databases for EXPLAIN; deleted after measuring.
import { it } from 'vitest';
import { openTrackingStore } from '@mlflow-ts/store';
import { connect, storeUri } from './support/server-databases.js';
for (const dialect of ['postgres', 'mysql'] as const) {
  it(`seed ${dialect}`, { timeout: 600_000 }, async () => {
    const admin = await connect(dialect);
    const db = 'u2_envelope_perf';
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.close();
    const store = await openTrackingStore(storeUri(dialect, db), { defaultArtifactRoot: '/tmp/u2/pb' });
    const run = await store.createRun({ experimentId: '0', startTime: 1 });
    await store.close();
    const c = await connect(dialect, db);
    const id = run.info.run_id;
    if (dialect === 'postgres') {
      await c.query(`INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) SELECT 'loss', sin(s / 1000.0), 1700000000000 + s, '${id}', s, false FROM generate_series(0, 999999) s`);
      await c.query('ANALYZE metrics');
    } else {
      await c.query(`INSERT INTO metrics (\`key\`, value, timestamp, run_uuid, step, is_nan) SELECT 'loss', sin(seq / 1000.0), 1700000000000 + seq, '${id}', seq, 0 FROM seq_0_to_999999`);
      await c.query('ANALYZE TABLE metrics');
    }
    console.log(dialect, 'run', id);
    await c.close();
  });
}
