// PostgreSQL and MySQL: our new database has exactly `mlflow db upgrade`'s schema; opening rules; connection errors.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MlflowError } from '@mlflow-ts/protocol';
import { HEAD_REVISION, openTrackingStore } from '@mlflow-ts/store';
import { VENV_PYTHON, venvAvailable, venvMissingNotice } from './support/mlflow-venv.js';

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
import { diffFacts, readServerSchema } from './support/server-schema.js';

const run = promisify(execFile);
const INTEROP = fileURLToPath(new URL('./fixtures/mlflow_server_interop.py', import.meta.url));
const DRIVER: Readonly<Record<ServerDialect, string>> = { postgres: 'psycopg2', mysql: 'pymysql' };
const options = { defaultArtifactRoot: 'mlflow-artifacts:/' };

// The refused-connection case below must fail at once, not wait through MLflow's ~100 s of retries.
process.env.MLFLOW_TS_DB_CONNECT_ATTEMPTS = '1';

async function openError(uri: string): Promise<MlflowError> {
  const error = await openTrackingStore(uri, options).then(
    async (store) => {
      await store.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MlflowError);
  return error as MlflowError;
}

async function sqlOn(dialect: ServerDialect, database: string, text: string) {
  const client = await connect(dialect, database);
  try {
    return await client.query(text);
  } finally {
    await client.close();
  }
}

async function describeServer(dialect: ServerDialect): Promise<void> {
  const notice = dialectSelected(dialect) ? await unreachable(dialect) : 'deselected';
  if (notice) {
    describeSkipped(`${dialect} database`);
    if (notice === 'deselected') return;
    unreachableNotice(`${dialect} schema: ${notice}`);
    return;
  }
  describe(`${dialect} database`, () => {
    const created: string[] = [];
    const fresh = async (tag: string) => {
      const name = await createDatabase(dialect, tag);
      created.push(name);
      return name;
    };
    afterAll(async () => {
      for (const name of created) await dropDatabase(dialect, name);
    });

    describe.skipIf(!venvAvailable)('against mlflow db upgrade (MLflow 3.18.0)', () => {
      let ours = '';
      let theirs = '';
      beforeAll(async () => {
        ours = await fresh('ours');
        theirs = await fresh('mlflow');
        await (await openTrackingStore(storeUri(dialect, ours), options)).close();
        const mlflowUri = storeUri(dialect, theirs).replace('://', `+${DRIVER[dialect]}://`);
        await run(VENV_PYTHON, ['-m', 'mlflow', 'db', 'upgrade', mlflowUri], {
          env: { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: 'true' },
          timeout: 120_000,
        });
      }, 150_000);

      it('has the same tables, columns, keys, indexes, triggers and sequences', async () => {
        const schemaOf = async (db: string) => {
          const client = await connect(dialect, db);
          try {
            return await readServerSchema(dialect, client);
          } finally {
            await client.close();
          }
        };
        const [a, b] = [await schemaOf(ours), await schemaOf(theirs)];
        expect(b.size).toBeGreaterThan(500);
        expect(diffFacts(a, b)).toEqual([]);
        expect(await sqlOn(dialect, ours, 'SELECT version_num FROM alembic_version')).toEqual(
          await sqlOn(dialect, theirs, 'SELECT version_num FROM alembic_version'),
        );
      });
    });
    describe.skipIf(!venvAvailable)('with the real MLflow on one database', () => {
      it('MLflow reads what we wrote, and we read what MLflow wrote', async () => {
        const db = await fresh('interop');
        const uri = storeUri(dialect, db);
        const store = await openTrackingStore(uri, options);
        try {
          const exp = await store.createExperiment({ name: 'Ours' });
          const runId = (await store.createRun({ experimentId: exp, userId: 'u', startTime: 5 })).info.run_id;
          await store.logBatch(runId, {
            metrics: [
              { key: 'nan', value: Number.NaN, timestamp: 1, step: 0 },
              { key: 'inf', value: Number.POSITIVE_INFINITY, timestamp: 1, step: 0 },
              { key: 'x', value: 0.5, timestamp: 1, step: 3 },
            ],
            params: [{ key: 'p', value: 'v' }],
          });
          const { stdout } = await run(
            VENV_PYTHON,
            [INTEROP, storeUri(dialect, db).replace('://', `+${DRIVER[dialect]}://`)],
            {
              env: { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: 'true' },
              timeout: 120_000,
            },
          );
          const seen = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
          expect(seen).toMatchObject({
            default: 'Default',
            ours: exp,
            metrics: { inf: 1.7976931348623157e308, nan: 'NaN', x: 0.5 },
            params: { p: 'v' },
            created: String(Number(exp) + 1),
          });
          const theirs = await store.getRun(String(seen.run));
          expect(theirs.info).toMatchObject({
            experiment_id: seen.created,
            run_name: 'from-mlflow',
            start_time: 7,
          });
          expect(theirs.data.metrics?.map((m) => [m.key, m.value])).toEqual([['acc', Number.NaN]]);
          expect(theirs.data.params).toEqual([{ key: 'p', value: 'q' }]);
          expect(await store.createExperiment({ name: 'after' })).toBe(String(Number(exp) + 2));
        } finally {
          await store.close();
        }
      }, 120_000);
    });
    if (!venvAvailable) it.skip(venvMissingNotice(`${dialect} schema identity`), () => undefined);

    it('stamps the head, creates experiment 0, and the next experiment gets id 1', async () => {
      const db = await fresh('open');
      const store = await openTrackingStore(storeUri(dialect, db), options);
      try {
        expect((await store.getExperiment('0')).name).toBe('Default');
        expect(await store.createExperiment({ name: 'next' })).toBe('1');
      } finally {
        await store.close();
      }
      expect(await sqlOn(dialect, db, 'SELECT version_num FROM alembic_version')).toEqual([
        { version_num: HEAD_REVISION },
      ]);
      // Re-opening an up-to-date database changes nothing.
      const again = await openTrackingStore(storeUri(dialect, db), options);
      expect(await again.createExperiment({ name: 'after' })).toBe('2');
      await again.close();
    });

    it('lets several processes open the same new database at once', async () => {
      const db = await fresh('race');
      const stores = await Promise.all(
        [1, 2, 3].map(() => openTrackingStore(storeUri(dialect, db), options)),
      );
      expect(await stores[0]?.createExperiment({ name: 'one' })).toBe('1');
      for (const store of stores) await store.close();
      const [count] = await sqlOn(dialect, db, 'SELECT COUNT(*) AS n FROM experiments');
      expect(Number(count?.n)).toBe(2);
    });

    it('refuses older and unknown schema revisions', async () => {
      const db = await fresh('rev');
      await (await openTrackingStore(storeUri(dialect, db), options)).close();
      await sqlOn(dialect, db, "UPDATE alembic_version SET version_num = '8b6ad64cb8f5'");
      expect((await openError(storeUri(dialect, db))).message).toMatch(
        /^Detected out-of-date database schema \(found version 8b6ad64cb8f5, but expected f4a9b2c7d1e6\)\. .*run 'mlflow-ts db upgrade .*' to migrate/,
      );
      await sqlOn(dialect, db, "UPDATE alembic_version SET version_num = 'ffffffffffff'");
      expect((await openError(storeUri(dialect, db))).message).toMatch(
        /revision ffffffffffff, which this mlflow-ts does not know/,
      );
    });

    it('says in one line why it cannot connect, never echoing the password', async () => {
      const base = new URL(storeUri(dialect, 'x'));
      const missing = await openError(storeUri(dialect, `mlflow_ts_missing_${process.pid}`));
      expect(missing.message).toMatch(/database does not exist/);
      const refused = await openError(`${base.protocol}//u:s3cr%40t@127.0.0.1:1/db`);
      expect(refused.message).toMatch(
        /^Cannot connect to the .* tracking database u@127\.0\.0\.1:1\/db: connection refused/,
      );
      // PostgreSQL here trusts every local user, so only MySQL can refuse a password.
      const denied =
        dialect === 'mysql'
          ? await openError(`mysql://root:s3cr3t@${base.host}/${base.pathname.slice(1)}`)
          : undefined;
      if (denied) expect(denied.message).toMatch(/: authentication failed \(Access denied for user 'root'/);
      for (const error of [missing, refused, ...(denied ? [denied] : [])]) {
        expect(error.message).not.toContain('\n');
        expect(error.message).not.toMatch(/s3cr/);
      }
      const malformed = await openError(`${base.protocol}//u:s3cr3t@host:99999/db`);
      expect(malformed.message).toBe(
        `Invalid ${dialect === 'postgres' ? 'postgresql' : 'mysql'} URI '${base.protocol}//u:***@host:99999/db': bad port '99999'.`,
      );
    });
  });
}

await describeServer('postgres');
await describeServer('mysql');
