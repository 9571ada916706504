// The data-moving steps (trace analytics, issue categories, job cancelling): MLflow 3.18.0's upgrade and ours
// run on two identical databases full of legacy rows, and must leave the same rows and the same schema.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD_REVISION, upgradeDatabase } from '@mlflow-ts/store';
import { LEGACY_REVISION, mlflowUpgrade, seedLegacyRows } from './support/old-mlflow-legacy.js';
import { readAllRows, sqlRows, type TableRows, type Where } from './support/old-mlflow-rows.js';
import { venvAvailable, venvMissingNotice } from './support/mlflow-venv.js';
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

const tmpBase = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** Jobs cancelled by the upgrade carry the clock of the moment it ran: compared as "set". */
function maskCancelTime(rows: TableRows): TableRows {
  const jobs = (rows.get('jobs') ?? []).map((json) => {
    const entries = JSON.parse(json) as [string, unknown][];
    const cancelled = entries.some(([k, v]) => k === 'status' && Number(v) === 5);
    return JSON.stringify(entries.map(([k, v]) => [k, cancelled && k === 'last_update_time' ? 'T' : v]));
  });
  return new Map([...rows, ['jobs', jobs.sort()]]);
}

interface Pair {
  ours: { uri: string; where: Where };
  theirs: { uri: string; where: Where };
  schemaDiff(): Promise<string[]>;
  cleanup(): Promise<void>;
}

function sqlitePair(): Pair {
  const dir = mkdtempSync(path.join(tmpBase, 'mlflow-ts-legacy-'));
  const file = (name: string) => path.join(dir, name);
  return {
    ours: { uri: `sqlite:///${file('ours.db')}`, where: { kind: 'sqlite', file: file('ours.db') } },
    theirs: { uri: `sqlite:///${file('theirs.db')}`, where: { kind: 'sqlite', file: file('theirs.db') } },
    schemaDiff: () =>
      Promise.resolve(
        diffSchemas(readSchema(file('theirs.db'), 'mlflow_ts_'), readSchema(file('ours.db'), 'mlflow_ts_')),
      ),
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

async function serverPair(dialect: ServerDialect): Promise<Pair> {
  const [ours, theirs] = [
    await createDatabase(dialect, 'legacy_ours'),
    await createDatabase(dialect, 'legacy_mlflow'),
  ];
  const facts = async (database: string) => {
    const client = await connect(dialect, database);
    try {
      return await readServerSchema(dialect, client);
    } finally {
      await client.close();
    }
  };
  return {
    ours: { uri: storeUri(dialect, ours), where: { kind: dialect, database: ours } },
    theirs: { uri: storeUri(dialect, theirs), where: { kind: dialect, database: theirs } },
    schemaDiff: async () => diffFacts(await facts(ours), await facts(theirs)),
    cleanup: async () => {
      await dropDatabase(dialect, ours);
      await dropDatabase(dialect, theirs);
    },
  };
}

function describeLegacy(
  backend: string,
  makePair: () => Pair | Promise<Pair>,
  mlflowUri: (uri: string) => string,
) {
  describe(`${backend}: legacy rows through the data-moving steps`, () => {
    let pair: Pair;
    beforeAll(async () => {
      pair = await makePair();
      await seedLegacyRows(mlflowUri(pair.ours.uri));
      await seedLegacyRows(mlflowUri(pair.theirs.uri));
      expect(await sqlRows(pair.ours.where, 'SELECT version_num FROM alembic_version')).toEqual([
        { version_num: LEGACY_REVISION },
      ]);
      await mlflowUpgrade(mlflowUri(pair.theirs.uri));
      const outcome = await upgradeDatabase(pair.ours.uri);
      expect(outcome.kind === 'migrated' && outcome.resultSet.error).toBe(undefined);
    }, 300_000);
    afterAll(async () => pair.cleanup());

    it('leaves the same rows as MLflow 3.18.0 in every table', async () => {
      const [ours, theirs] = [await readAllRows(pair.ours.where), await readAllRows(pair.theirs.where)];
      // The fixture must really reach the converted tables.
      expect(theirs.rows.get('issue_categories')?.length).toBe(2);
      expect(theirs.rows.get('trace_info')?.length).toBe(3);
      expect(maskCancelTime(ours.rows)).toEqual(maskCancelTime(theirs.rows));
    });

    it('leaves the same schema, at the head revision', async () => {
      expect(await sqlRows(pair.ours.where, 'SELECT version_num FROM alembic_version')).toEqual([
        { version_num: HEAD_REVISION },
      ]);
      expect(await pair.schemaDiff()).toEqual([]);
    });
  });
}

function describeServer(dialect: ServerDialect): Promise<void> {
  return describeOnServer(dialect, 'legacy data', () =>
    describeLegacy(
      dialect,
      () => serverPair(dialect),
      (uri) => sqlalchemyUri(dialect, uri),
    ),
  );
}

if (!venvAvailable) {
  const notice = venvMissingNotice('legacy data migrations');
  describe.skip('legacy data migrations', () => it(notice, () => undefined));
} else {
  if (dialectSelected('sqlite')) describeLegacy('sqlite', sqlitePair, (uri) => uri);
  await describeServer('postgres');
  await describeServer('mysql');
}
