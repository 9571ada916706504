// The upgrade's decisions and its step-by-step bookkeeping: empty, current, refused and failing databases, and
// opening an older database in the store (migrated when tables are missing, as MLflow's store does).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MlflowError } from '@mlflow-ts/protocol';
import { HEAD_REVISION, openTrackingStore, upgradeDatabase } from '@mlflow-ts/store';
import { venvAvailable, venvMissingNotice } from './support/mlflow-venv.js';
import { mlflowSchemaAt } from './support/old-mlflow-legacy.js';
import { sqlRows, type Where } from './support/old-mlflow-rows.js';
import {
  connect,
  createDatabase,
  describeOnServer,
  dialectSelected,
  dropDatabase,
  sqlalchemyUri,
  storeUri,
  type ServerDialect,
} from './support/server-databases.js';

const OLDEST = 'acf3f17fdcc7';
const tmpBase = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const options = { defaultArtifactRoot: 'mlflow-artifacts:/' };

interface Db {
  uri: string;
  mlflowUri: string;
  where: Where;
  exec(text: string): Promise<void>;
}

type Backend = 'sqlite' | ServerDialect;

function kit(backend: Backend) {
  const dir = mkdtempSync(path.join(tmpBase, 'mlflow-ts-runner-'));
  const created: string[] = [];
  let n = 0;
  const make = async (): Promise<Db> => {
    if (backend === 'sqlite') {
      const file = path.join(dir, `db-${n++}.db`);
      const uri = `sqlite:///${file}`;
      const where: Where = { kind: 'sqlite', file };
      return {
        uri,
        mlflowUri: uri,
        where,
        exec: async (text) => {
          const { default: Database } = await import('better-sqlite3');
          const db = new Database(file);
          db.exec(text);
          db.close();
        },
      };
    }
    const database = await createDatabase(backend, 'runner');
    created.push(database);
    const uri = storeUri(backend, database);
    return {
      uri,
      mlflowUri: sqlalchemyUri(backend, uri),
      where: { kind: backend, database },
      exec: async (text) => {
        const client = await connect(backend, database);
        try {
          await client.query(text);
        } finally {
          await client.close();
        }
      },
    };
  };
  const cleanup = async () => {
    for (const name of created) await dropDatabase(backend as ServerDialect, name);
    rmSync(dir, { recursive: true, force: true });
  };
  return { make, cleanup };
}

const revision = async (db: Db) =>
  (await sqlRows(db.where, 'SELECT version_num FROM alembic_version')).map((r) => r.version_num);

async function refusal(uri: string): Promise<string> {
  const error = await upgradeDatabase(uri).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MlflowError);
  return (error as MlflowError).message;
}

function describeRunner(backend: Backend): void {
  describe(`${backend}: upgrade decisions`, () => {
    const k = kit(backend);
    afterAll(() => k.cleanup());

    it("gives an empty database MLflow 3.18.0's whole schema, then says it is up to date", async () => {
      const db = await k.make();
      expect(await upgradeDatabase(db.uri)).toEqual({ kind: 'created', revision: HEAD_REVISION });
      expect(await revision(db)).toEqual([HEAD_REVISION]);
      expect(await upgradeDatabase(db.uri)).toEqual({ kind: 'up-to-date', revision: HEAD_REVISION });
      // Like `mlflow db upgrade`, no Default experiment: the store adds it when it opens.
      expect(await sqlRows(db.where, 'SELECT COUNT(*) AS n FROM experiments')).toEqual([
        { n: backend === 'postgres' ? '0' : 0 },
      ]);
    });

    it('refuses, changing nothing, unknown or pre-2.9 revisions and tables without a stamp', async () => {
      const db = await k.make();
      await upgradeDatabase(db.uri);
      await db.exec("UPDATE alembic_version SET version_num = 'ffffffffffff'");
      expect(await refusal(db.uri)).toBe(
        'The database is at alembic revision ffffffffffff, which mlflow-ts does not know (it migrates up to ' +
          'f4a9b2c7d1e6, MLflow 3.18.0): it was written by a newer or unknown MLflow version; nothing was changed.',
      );
      await db.exec("UPDATE alembic_version SET version_num = '7f2a7d5fae7d'");
      expect(await refusal(db.uri)).toMatch(
        /^The database is at alembic revision 7f2a7d5fae7d, from an MLflow release before 2\.9; .*nothing was changed\.$/,
      );
      await db.exec('DELETE FROM alembic_version');
      expect(await refusal(db.uri)).toMatch(/holds tables but no alembic revision/);
      expect(await revision(db)).toEqual([]);
    });

    describe.skipIf(!venvAvailable)('on a schema MLflow left at 2.9 (acf3f17fdcc7)', () => {
      it('reports a failing step, runs nothing after it, and says what state the database is in', async () => {
        const db = await k.make();
        await mlflowSchemaAt(db.mlflowUri, OLDEST);
        // The first step creates trace_info then trace_tags: a table already named trace_tags breaks it midway.
        await db.exec('CREATE TABLE trace_tags (x INTEGER)');
        const outcome = await upgradeDatabase(db.uri);
        expect(outcome.kind).toBe('migrated');
        if (outcome.kind !== 'migrated') return;
        const { results, error, stateAfterError } = outcome.resultSet;
        expect(error).toBeDefined();
        expect(results[0]).toMatchObject({ revision: '867495a8f9d4', status: 'Error' });
        expect(results.slice(1).every((r) => r.status === 'NotExecuted')).toBe(true);
        expect(results.at(-1)?.revision).toBe(HEAD_REVISION);
        expect(await revision(db)).toEqual([OLDEST]);
        const traceInfo = await sqlRows(
          db.where,
          backend === 'sqlite'
            ? "SELECT name FROM sqlite_master WHERE name = 'trace_info'"
            : "SELECT table_name FROM information_schema.tables WHERE table_name = 'trace_info' AND table_schema = " +
                (backend === 'postgres' ? 'current_schema()' : 'DATABASE()'),
        );
        if (backend === 'mysql') {
          // No DDL transactions: what ran before the failure stays, and the note says so.
          expect(traceInfo).toHaveLength(1);
          expect(stateAfterError).toMatch(
            /MySQL\/MariaDB commit each schema change at once.*still says acf3f17fdcc7/,
          );
        } else {
          expect(traceInfo).toHaveLength(0);
          expect(stateAfterError).toMatch(/rolled back: the database is at revision acf3f17fdcc7/);
        }
        // Once the obstacle is gone, the upgrade runs from where it stopped (MySQL: after undoing the partial step).
        await db.exec('DROP TABLE trace_tags');
        if (backend === 'mysql') await db.exec('DROP TABLE trace_info');
        const again = await upgradeDatabase(db.uri);
        expect(again.kind === 'migrated' && again.resultSet.error).toBe(undefined);
        expect(await revision(db)).toEqual([HEAD_REVISION]);
      }, 180_000);

      it('opening an older database in the store migrates it, as MLflow 3.18.0 does when tables are missing', async () => {
        const db = await k.make();
        await mlflowSchemaAt(db.mlflowUri, OLDEST);
        const store = await openTrackingStore(db.uri, options);
        try {
          expect((await store.getExperiment('0')).name).toBe('Default');
        } finally {
          await store.close();
        }
        expect(await revision(db)).toEqual([HEAD_REVISION]);
      }, 180_000);

      // In one process only the server drivers can wait for each other (better-sqlite3 blocks the event
      // loop while it waits); the CLI test runs two SQLite upgrades as separate processes.
      if (backend !== 'sqlite')
        it('lets several upgrades and store openings run at once', async () => {
          const db = await k.make();
          await mlflowSchemaAt(db.mlflowUri, OLDEST);
          const [upgrades, stores] = await Promise.all([
            Promise.all([upgradeDatabase(db.uri), upgradeDatabase(db.uri)]),
            Promise.all([openTrackingStore(db.uri, options), openTrackingStore(db.uri, options)]),
          ]);
          for (const store of stores) await store.close();
          for (const outcome of upgrades) {
            expect(outcome.kind === 'migrated' ? outcome.resultSet.error : undefined).toBeUndefined();
          }
          expect(await revision(db)).toEqual([HEAD_REVISION]);
          expect(
            await sqlRows(db.where, "SELECT COUNT(*) AS n FROM experiments WHERE name = 'Default'"),
          ).toEqual([{ n: backend === 'postgres' ? '1' : 1 }]);
        }, 180_000);

      it("refuses a database with all of today's tables at an older revision, naming mlflow-ts db upgrade", async () => {
        const db = await k.make();
        await mlflowSchemaAt(db.mlflowUri, '8b6ad64cb8f5');
        const error = await openTrackingStore(db.uri, options).then(
          async (s) => s.close(),
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(MlflowError);
        expect((error as MlflowError).message).toMatch(
          /^Detected out-of-date database schema \(found version 8b6ad64cb8f5, but expected f4a9b2c7d1e6\)\. Take a backup of your database, then run 'mlflow-ts db upgrade .*' to migrate/,
        );
        const outcome = await upgradeDatabase(db.uri);
        expect(
          outcome.kind === 'migrated' && outcome.resultSet.results.map((r) => [r.revision, r.status]),
        ).toEqual([[HEAD_REVISION, 'Success']]);
      }, 180_000);
    });
    if (!venvAvailable) it.skip(venvMissingNotice(`${backend} failing-step migrations`), () => undefined);
  });
}

function describeServer(dialect: ServerDialect): Promise<void> {
  return describeOnServer(dialect, 'upgrade decisions', () => describeRunner(dialect));
}

if (dialectSelected('sqlite')) describeRunner('sqlite');
await describeServer('postgres');
await describeServer('mysql');
