// Databases written by real older MLflow releases, upgraded by us: MLflow 3.18.0's schema, data intact, both
// our store and MLflow 3.18.0 open them. One block per backend and release.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD_REVISION, openTrackingStore, upgradeDatabase, type UpgradeOutcome } from '@mlflow-ts/store';
import {
  freshMlflowSchema,
  OLD_RELEASES,
  oldMlflowAvailable,
  oldMlflowNotice,
  readBackWithMlflow,
  seedWithOldMlflow,
  type SeededIds,
} from './support/old-mlflow.js';
import {
  nonEmpty,
  readAllRows,
  rowsAsBefore,
  sqlRows,
  type TableRows,
  type Where,
} from './support/old-mlflow-rows.js';
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
import { diffFacts, readServerSchema } from './support/server-schema.js';
import { diffSchemas, readSchema } from './support/sqlite-schema.js';

type Backend = 'sqlite' | ServerDialect;
// tmpfs when there is one: MLflow's migrations fsync a lot.
const tmpBase = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** One database on a backend: where it is for us, for MLflow (SQLAlchemy URI), and for raw reads. */
interface Place {
  uri: string;
  mlflowUri: string;
  where: Where;
}

interface BackendKit {
  place(tag: string): Promise<Place>;
  schemaDiff(expected: Place, actual: Place): Promise<string[]>;
  cleanup(): Promise<void>;
}

function sqliteKit(): BackendKit {
  const dir = mkdtempSync(path.join(tmpBase, 'mlflow-ts-migrate-'));
  let n = 0;
  return {
    place: (tag) => {
      const file = path.join(dir, `${tag}-${n++}.db`);
      return Promise.resolve({
        uri: `sqlite:///${file}`,
        mlflowUri: `sqlite:///${file}`,
        where: { kind: 'sqlite', file },
      });
    },
    schemaDiff: (expected, actual) =>
      Promise.resolve(
        diffSchemas(
          readSchema((expected.where as { file: string }).file, 'mlflow_ts_'),
          readSchema((actual.where as { file: string }).file, 'mlflow_ts_'),
        ),
      ),
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

function serverKit(dialect: ServerDialect): BackendKit {
  const created: string[] = [];
  const facts = async (database: string) => {
    const client = await connect(dialect, database);
    try {
      return await readServerSchema(dialect, client);
    } finally {
      await client.close();
    }
  };
  return {
    place: async (tag) => {
      const database = await createDatabase(dialect, tag);
      created.push(database);
      const uri = storeUri(dialect, database);
      return {
        uri,
        mlflowUri: sqlalchemyUri(dialect, uri),
        where: { kind: dialect, database },
      };
    },
    schemaDiff: async (expected, actual) => {
      const name = (p: Place) => (p.where as { database: string }).database;
      return diffFacts(await facts(name(actual)), await facts(name(expected)));
    },
    cleanup: async () => {
      for (const name of created) await dropDatabase(dialect, name);
    },
  };
}

const artifactRoot = path.join(tmpBase, 'mlflow-ts-migrate-artifacts');
const revisionOf = async (where: Where) =>
  (await sqlRows(where, 'SELECT version_num FROM alembic_version')).map((r) => r.version_num);

function describeBackend(backend: Backend, kit: () => BackendKit): void {
  describe(`${backend}: upgrading databases of older MLflow releases`, () => {
    let backendKit: BackendKit;
    let fresh: Place;
    beforeAll(async () => {
      backendKit = kit();
      fresh = await backendKit.place('fresh');
      await freshMlflowSchema(fresh.mlflowUri);
    }, 180_000);
    afterAll(async () => backendKit.cleanup());

    for (const release of OLD_RELEASES) {
      describe(`from MLflow ${release.version}`, () => {
        let place: Place;
        let ids: SeededIds;
        let before: Awaited<ReturnType<typeof readAllRows>>;
        let outcome: UpgradeOutcome;
        beforeAll(async () => {
          place = await backendKit.place(`v${release.version.replace(/\./g, '')}`);
          ids = await seedWithOldMlflow(release.version, place.mlflowUri, artifactRoot);
          expect(await revisionOf(place.where)).toEqual([release.revision]);
          before = await readAllRows(place.where);
          const started = Date.now();
          outcome = await upgradeDatabase(place.uri);
          console.log(
            `migration timing: ${backend} from MLflow ${release.version}: ${Date.now() - started} ms`,
          );
        }, 300_000);

        it('runs every step from the release revision to the head, each one successfully', () => {
          expect(outcome.kind).toBe('migrated');
          if (outcome.kind !== 'migrated') return;
          expect(outcome.from).toBe(release.revision);
          expect(outcome.resultSet.error).toBeUndefined();
          expect(outcome.resultSet.results.length).toBeGreaterThan(10);
          expect(outcome.resultSet.results.every((r) => r.status === 'Success')).toBe(true);
          expect(outcome.resultSet.results.at(-1)?.revision).toBe(HEAD_REVISION);
        });

        it("ends with exactly the schema MLflow 3.18.0's `mlflow db upgrade` creates", async () => {
          expect(await revisionOf(place.where)).toEqual([HEAD_REVISION]);
          expect(await backendKit.schemaDiff(fresh, place)).toEqual([]);
        });

        it('keeps every row the old release wrote', async () => {
          const had: TableRows = nonEmpty(before.rows);
          expect(had.get('runs')?.length).toBe(1);
          expect(had.get('model_versions')?.length).toBe(1);
          expect(await rowsAsBefore(place.where, before)).toEqual(had);
          // New columns of old rows got their defaults.
          expect(await sqlRows(place.where, 'SELECT DISTINCT workspace FROM experiments')).toEqual([
            { workspace: 'default' },
          ]);
          expect(await sqlRows(place.where, 'SELECT name FROM workspaces')).toEqual([{ name: 'default' }]);
        });

        it('opens in our store with the run, its data and the experiment tag', async () => {
          const store = await openTrackingStore(place.uri, { defaultArtifactRoot: artifactRoot });
          try {
            const run = await store.getRun(ids.run);
            expect(run.info).toMatchObject({ run_name: 'old-run', status: 'FINISHED', end_time: 5000 });
            const metrics = Object.fromEntries((run.data.metrics ?? []).map((m) => [m.key, m.value]));
            expect(metrics.acc).toBeCloseTo(0.9);
            expect(metrics.loss).toBeNaN();
            expect(run.data.params).toEqual(
              expect.arrayContaining([
                { key: 'lr', value: '0.01' },
                { key: 'opt', value: 'adam' },
              ]),
            );
            expect(run.data.tags).toEqual(expect.arrayContaining([{ key: 'note', value: 'a\nb' }]));
            const experiment = await store.getExperiment(ids.experiment);
            expect(experiment.tags).toEqual(expect.arrayContaining([{ key: 'team', value: 'ml' }]));
          } finally {
            await store.close();
          }
        });

        it('opens in MLflow 3.18.0, which reads the run and the model version back', async () => {
          expect(await readBackWithMlflow(place.mlflowUri, artifactRoot, ids.run)).toEqual({
            revision: HEAD_REVISION,
            name: 'old-run',
            status: 'FINISHED',
            metrics: { acc: 0.9, loss: 'NaN' },
            params: { lr: '0.01', opt: 'adam' },
            tags: { color: 'red', note: 'a\nb' },
            model_version: { run_id: ids.run, tags: { stage: 'qa' } },
          });
        }, 120_000);

        it('says it is up to date when run again', async () => {
          expect(await upgradeDatabase(place.uri)).toEqual({ kind: 'up-to-date', revision: HEAD_REVISION });
        });
      });
    }
  });
}

function describeServer(dialect: ServerDialect): Promise<void> {
  return describeOnServer(dialect, 'migrations', () => describeBackend(dialect, () => serverKit(dialect)));
}

if (!oldMlflowAvailable) {
  const notice = oldMlflowNotice('migrations from older MLflow releases');
  describe.skip('migrations from older MLflow releases', () => it(notice, () => undefined));
} else {
  if (dialectSelected('sqlite')) describeBackend('sqlite', sqliteKit);
  await describeServer('postgres');
  await describeServer('mysql');
}
