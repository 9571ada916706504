// Against the real MLflow 3.18.0: identical schema, and each side reads the other's database the same way.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTrackingStore } from '@mlflow-ts/store';
import { mlflowInterop, venvAvailable, venvMissingNotice } from './support/mlflow-venv.js';
import { readMaskedRows } from './support/raw-rows.js';
import { diffSchemas, readSchema } from './support/sqlite-schema.js';
import { canonical, dumpStore, writeFixture, type Dump } from './support/store-dump.js';

// tmpfs when there is one: MLflow's migrations fsync a lot.
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const open = (file: string) =>
  openTrackingStore(`sqlite:///${file}`, { defaultArtifactRoot: 'mlflow-artifacts:/' });

function sortedDatasets(dump: Dump): Dump {
  const key = (d: Record<string, unknown>) =>
    JSON.stringify([d.experiment_id, d.name, d.digest, d.context ?? '']);
  const datasets = [...((dump.datasets as Record<string, unknown>[] | undefined) ?? [])].sort((a, b) =>
    key(a).localeCompare(key(b)),
  );
  return { ...dump, datasets };
}

const comparable = (dump: Dump) => canonical(sortedDatasets(dump));

describe.skipIf(!venvAvailable)('against MLflow 3.18.0 (compat venv)', () => {
  let dir = '';
  let mlflowFresh = '';
  let oursFresh = '';
  let mlflowWritten: Dump = {};
  let mlflowReadsOurs: Dump = {};
  let oursWritten = '';
  let mlflowWrittenFile = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(base, 'mlflow-ts-interop-'));
    mlflowFresh = path.join(dir, 'mlflow-fresh.db');
    oursFresh = path.join(dir, 'ours-fresh.db');
    oursWritten = path.join(dir, 'ours-written.db');
    mlflowWrittenFile = path.join(dir, 'mlflow-written.db');
    await (await open(oursFresh)).close();
    const ours = await open(oursWritten);
    await writeFixture(ours);
    await ours.close();
    await mlflowInterop(dir);
    mlflowReadsOurs = JSON.parse(readFileSync(path.join(dir, 'read-ours.json'), 'utf8')) as Dump;
    mlflowWritten = JSON.parse(readFileSync(path.join(dir, 'written.json'), 'utf8')) as Dump;
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a new database of ours has exactly the schema `mlflow db upgrade` creates', () => {
    const differences = diffSchemas(
      readSchema(mlflowFresh, 'mlflow_ts_'),
      readSchema(oursFresh, 'mlflow_ts_'),
    );
    expect(differences).toEqual([]);
  });

  it('reads a database written by MLflow exactly as MLflow reads it back', async () => {
    const store = await open(mlflowWrittenFile);
    const ours = await dumpStore(store);
    await store.close();
    expect(Object.keys(ours.runs as object)).toHaveLength(4);
    expect(comparable(ours)).toEqual(comparable(mlflowWritten));
  });

  it('MLflow reads a database written by us as we read it back', async () => {
    const store = await open(oursWritten);
    const ours = await dumpStore(store);
    await store.close();
    expect(comparable(mlflowReadsOurs)).toEqual(comparable(ours));
  });

  it('the same writes made through MLflow and through us store the same rows (ids and clock times aside)', () => {
    expect(readMaskedRows(oursWritten)).toEqual(readMaskedRows(mlflowWrittenFile));
  });

  it('the same writes made through MLflow and through us read back the same (ids and times aside)', () => {
    // Experiments created in the same millisecond on one side only would reorder the default
    // (newest first) listing, so compare them by id.
    const byId = (dump: Dump) => ({
      ...dump,
      experiments: [...(dump.experiments as { experiment_id: string }[])].sort((a, b) =>
        a.experiment_id.localeCompare(b.experiment_id),
      ),
    });
    const shape = (dump: Dump) =>
      JSON.stringify(comparable(byId(dump)))
        .replace(/[0-9a-f]{32}/g, 'RUN')
        .replace(/"(creation_time|last_update_time)":\d+/g, '"$1":T');
    const runsOf = (dump: Dump) =>
      Object.values(dump.runs as object).map((r) =>
        JSON.stringify(canonical(r)).replace(/[0-9a-f]{32}/g, 'RUN'),
      );
    expect(runsOf(mlflowReadsOurs).sort()).toEqual(runsOf(mlflowWritten).sort());
    expect(shape({ ...mlflowReadsOurs, runs: {}, history: {}, sampled: {} })).toEqual(
      shape({ ...mlflowWritten, runs: {}, history: {}, sampled: {} }),
    );
  });
});

if (!venvAvailable) {
  const notice = venvMissingNotice('store interop with MLflow');
  // In CI the missing venv is a failure, never a silent skip.
  it.runIf(process.env.CI === 'true')('needs the compat venv in CI', () => {
    throw new Error(notice);
  });
}
