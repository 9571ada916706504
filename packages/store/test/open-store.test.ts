// Opening SQLite stores: new databases, known and unknown schema revisions, experiment 0, URIs, SQLite texts.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MlflowError } from '@mlflow-ts/protocol';
import { HEAD_REVISION, openTrackingStore } from '@mlflow-ts/store';

const dir = mkdtempSync(path.join(tmpdir(), 'mlflow-ts-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const newFile = () => path.join(dir, `db-${counter++}`, 'nested', 'mlflow.db');
const open = (file: string, now?: () => number) =>
  openTrackingStore(`sqlite:///${file}`, { defaultArtifactRoot: 'mlflow-artifacts:/', now });

function raw(file: string, fn: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

async function openError(file: string): Promise<MlflowError> {
  const error = await open(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MlflowError);
  return error as MlflowError;
}

describe('opening a SQLite store', () => {
  it('creates the schema, the alembic stamp and experiment 0 in a new file (parent dirs too)', async () => {
    const file = newFile();
    const store = await open(file, () => 1234);
    expect(await store.getExperiment('0')).toEqual({
      experiment_id: '0',
      name: 'Default',
      artifact_location: 'mlflow-artifacts:/0',
      lifecycle_stage: 'active',
      creation_time: 1234,
      last_update_time: 1234,
      tags: [],
      workspace: 'default',
    });
    expect(store.storeType).toBe('SqlStore');
    await store.close();
    raw(file, (db) => {
      expect(db.prepare('SELECT version_num FROM alembic_version').all()).toEqual([
        { version_num: HEAD_REVISION },
      ]);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const indexes = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'mlflow_ts_%' ORDER BY name",
        )
        .all();
      expect(indexes).toEqual([
        { name: 'mlflow_ts_latest_metrics_key_value' },
        { name: 'mlflow_ts_runs_experiment_start_time' },
      ]);
    });
  });

  it('reopens an existing database as is, and recreates a missing experiment 0', async () => {
    const file = newFile();
    const first = await open(file);
    const id = await first.createExperiment({ name: 'kept' });
    await first.close();
    raw(file, (db) => db.prepare('DELETE FROM experiments WHERE experiment_id = 0').run());
    const second = await open(file, () => 99);
    expect((await second.getExperiment(id)).name).toBe('kept');
    expect(await second.getExperiment('0')).toMatchObject({ name: 'Default', creation_time: 99 });
    await second.close();
  });

  it('treats a database holding only alembic_version (a failed earlier attempt) as new', async () => {
    const file = newFile();
    mkdirSync(path.dirname(file), { recursive: true });
    raw(file, (db) =>
      db.exec(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL); INSERT INTO alembic_version VALUES ('x')",
      ),
    );
    const store = await open(file);
    expect((await store.getExperiment('0')).name).toBe('Default');
    await store.close();
  });

  it('refuses an older known revision with every table present, pointing at mlflow-ts db upgrade', async () => {
    const file = newFile();
    await (await open(file)).close();
    raw(file, (db) => db.prepare("UPDATE alembic_version SET version_num = '8b6ad64cb8f5'").run());
    const error = await openError(file);
    expect(error.message).toBe(
      `Detected out-of-date database schema (found version 8b6ad64cb8f5, but expected ${HEAD_REVISION}). ` +
        `Take a backup of your database, then run 'mlflow-ts db upgrade sqlite:///${file}' to migrate your database to the latest schema. ` +
        "NOTE: schema migration may result in database downtime - please consult your database's documentation for more detail.",
    );
    raw(file, (db) => db.exec('DROP TABLE alembic_version'));
    expect((await openError(file)).message).toMatch(
      /^Detected out-of-date database schema \(found version None/,
    );
  });

  it('refuses an unknown revision as written by a newer or unknown MLflow', async () => {
    const file = newFile();
    await (await open(file)).close();
    raw(file, (db) => db.prepare("UPDATE alembic_version SET version_num = 'ffffffffffff'").run());
    expect((await openError(file)).message).toMatch(/revision ffffffffffff.*newer or unknown MLflow version/);
  });

  it('refuses experiments outside the default workspace, as MLflow without workspaces does', async () => {
    const file = newFile();
    await (await open(file)).close();
    raw(file, (db) =>
      db
        .prepare("INSERT INTO experiments (name, lifecycle_stage, workspace) VALUES ('w', 'active', 'team')")
        .run(),
    );
    const error = await openError(file);
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toMatch(
      /^Cannot disable workspaces because experiments exist outside the default workspace/,
    );
  });

  it('opens in-memory stores and names unsupported backends', async () => {
    for (const uri of ['sqlite://', 'sqlite:///:memory:']) {
      const store = await openTrackingStore(uri, { defaultArtifactRoot: '/tmp/art' });
      expect((await store.getExperiment('0')).artifact_location).toBe('/tmp/art/0');
      await store.close();
    }
    const error = await openTrackingStore('mssql+pyodbc://u:p@h/db', { defaultArtifactRoot: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'NOT_IMPLEMENTED',
      message: expect.stringMatching(/mssql backend store is not supported/),
    });
  });

  it('words integrity errors exactly as MLflow does on SQLite', async () => {
    const store = await open(newFile(), () => 1795497055424);
    await store.createExperiment({ name: 'a' });
    const b = await store.createExperiment({ name: 'b' });
    const dup = await store
      .createExperiment({ name: 'a', artifactLocation: 's3://x/y' })
      .catch((e: unknown) => e);
    expect(dup).toMatchObject({
      code: 'RESOURCE_ALREADY_EXISTS',
      message:
        'Experiment(name=a) already exists. Error: (sqlite3.IntegrityError) UNIQUE constraint failed: experiments.workspace, experiments.name\n' +
        '[SQL: INSERT INTO experiments (name, workspace, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (?, ?, ?, ?, ?, ?)]\n' +
        "[parameters: ('a', 'default', 's3://x/y', 'active', 1795497055424, 1795497055424)]\n" +
        '(Background on this error at: https://sqlalche.me/e/21/gkpj)',
    });
    const rename = await store.renameExperiment(b, 'a').catch((e: unknown) => e);
    expect(rename).toMatchObject({
      code: 'BAD_REQUEST',
      message:
        '(sqlite3.IntegrityError) UNIQUE constraint failed: experiments.workspace, experiments.name\n' +
        '[SQL: UPDATE experiments SET name=?, last_update_time=? WHERE experiments.experiment_id = ?]\n' +
        `[parameters: ('a', 1795497055424, ${b})]\n` +
        '(Background on this error at: https://sqlalche.me/e/21/gkpj)',
    });
    await store.close();
  });
});
