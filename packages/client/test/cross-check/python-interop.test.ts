// Cross-check with the real MLflow client: what the TS SDK logs reads back identically in Python, and the reverse.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as mlflow from '../../src/node/index.js';
import { MlflowClient } from '../../src/node/index.js';
import { runPython, skipWithoutVenv } from '../support/mlflow-venv.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const SCRIPT = fileURLToPath(new URL('../fixtures/py_interop.py', import.meta.url));
const skip = skipWithoutVenv('TS SDK ↔ Python client cross-check');

let server: TestServer;
let client: MlflowClient;
let work: string;
beforeAll(async () => {
  server = await startTestServer();
  client = new MlflowClient({ trackingUri: server.url });
  work = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-xcheck-'));
  await mkdir(path.join(work, 'in', 'sub'), { recursive: true });
  await writeFile(path.join(work, 'in', 'a.txt'), 'alpha');
  await writeFile(path.join(work, 'in', 'sub', 'b.csv'), 'x,y\n1,2\n');
});
afterAll(async () => {
  await server?.stop();
  await rm(work, { recursive: true, force: true });
});

/** JSON has no NaN/Infinity: the Python side spells them as strings, and so do we. */
const num = (v: number): number | string =>
  Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v;
const kv = (l?: { key: string; value?: string }[]) =>
  Object.fromEntries((l ?? []).map((e) => [e.key, e.value ?? '']));

async function artifactTexts(runId: string, dir?: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await client.listArtifacts(runId, dir)) {
    if (f.is_dir) Object.assign(out, await artifactTexts(runId, f.path));
    else out[f.path] = await client.loadText(runId, f.path);
  }
  return out;
}

/** The TS SDK's reading of a run, in the shape py_interop.py prints. */
async function readWithTs(runId: string): Promise<unknown> {
  const run = await client.getRun(runId);
  const metrics = run.data.metrics ?? [];
  const histories: Record<string, (number | string)[][]> = {};
  for (const m of metrics) {
    histories[m.key] = (await client.getMetricHistory(runId, m.key)).map((h) => [
      h.step,
      h.timestamp,
      num(h.value),
    ]);
  }
  return {
    info: {
      run_id: run.info.run_id,
      run_name: run.info.run_name,
      experiment_id: run.info.experiment_id,
      status: run.info.status,
      start_time: run.info.start_time,
      end_time: run.info.end_time ?? null,
      user_id: run.info.user_id,
      lifecycle_stage: run.info.lifecycle_stage,
    },
    metrics: Object.fromEntries(metrics.map((m) => [m.key, num(m.value)])),
    params: kv(run.data.params),
    tags: kv(run.data.tags),
    histories,
    inputs: (run.inputs?.dataset_inputs ?? []).map((d) => ({
      name: d.dataset.name,
      digest: d.dataset.digest,
      source_type: d.dataset.source_type,
      source: d.dataset.source,
      tags: kv(d.tags),
    })),
    artifacts: await artifactTexts(runId),
  };
}

const readWithPython = async (runId: string): Promise<unknown> =>
  JSON.parse(await runPython(SCRIPT, ['read', runId], { MLFLOW_TRACKING_URI: server.url })) as unknown;

describe.skipIf(skip)('TS SDK ↔ MLflow Python client', () => {
  it('what the TS SDK logs, Python reads back identically', async () => {
    mlflow.resetFluentState();
    mlflow.setTrackingUri(server.url);
    await mlflow.setExperiment('xcheck-ts');
    let childId = '';
    const parentId = await mlflow.withRun({ runName: 'ts-parent', tags: { team: 'ts' } }, async (run) => {
      await mlflow.logParams({ lr: 0.01, layers: '64,32', flag: true });
      await mlflow.setTags({ unicode: 'héllo ✓' });
      for (let step = 0; step < 5; step++)
        await mlflow.logMetric('loss', 1 / (step + 1), { step, timestamp: 1_700_000_000_000 + step });
      await mlflow.logMetric('weird', NaN, { step: 0, timestamp: 1_700_000_000_000 });
      await mlflow.logMetric('weird', Infinity, { step: 1, timestamp: 1_700_000_000_001 });
      await mlflow.logArtifacts(path.join(work, 'in'), 'inputs');
      await mlflow.logText('from ts', 'notes/ts.txt');
      await mlflow.logDict({ a: [1, 2] }, 'config.yaml');
      await mlflow.logTable({ q: ['a'], s: [0.5] }, 'table.json');
      await mlflow.logInput(
        { name: 'iris', digest: 'd1', source_type: 'local', source: '{"uri": "iris.csv"}' },
        { context: 'training' },
      );
      childId = await mlflow.withRun({ runName: 'ts-child', nested: true }, async (child) => {
        await mlflow.logMetric('child_metric', 3, { step: 2, timestamp: 1_700_000_000_100 });
        return child.info.run_id;
      });
      return run.info.run_id;
    });

    for (const id of [parentId, childId]) {
      const [py, ts] = [await readWithPython(id), await readWithTs(id)];
      expect(ts).toEqual(py);
    }
    const parent = (await readWithPython(parentId)) as {
      params: object;
      tags: Record<string, string>;
      histories: Record<string, unknown[]>;
      artifacts: Record<string, string>;
      info: { status: string };
    };
    expect(parent.params).toEqual({ lr: '0.01', layers: '64,32', flag: 'True' });
    expect(parent.tags).toMatchObject({
      team: 'ts',
      unicode: 'héllo ✓',
      'mlflow.runName': 'ts-parent',
      'mlflow.source.type': 'LOCAL',
    });
    expect(parent.histories.weird).toEqual([
      [0, 1_700_000_000_000, 'NaN'],
      [1, 1_700_000_000_001, Number.MAX_VALUE],
    ]);
    expect(parent.artifacts).toMatchObject({
      'inputs/a.txt': 'alpha',
      'inputs/sub/b.csv': 'x,y\n1,2\n',
      'notes/ts.txt': 'from ts',
      'config.yaml': 'a:\n- 1\n- 2\n',
    });
    expect(parent.info.status).toBe('FINISHED');
    expect(
      ((await readWithPython(childId)) as { tags: Record<string, string> }).tags['mlflow.parentRunId'],
    ).toBe(parentId);
  }, 240_000);

  it('what Python logs, the TS SDK reads back identically', async () => {
    const ids = JSON.parse(
      (
        await runPython(SCRIPT, ['write', 'xcheck-py', path.join(work, 'in')], {
          MLFLOW_TRACKING_URI: server.url,
        })
      )
        .trim()
        .split('\n')
        .at(-1) ?? '{}',
    ) as { parent: string; child: string };
    for (const id of [ids.parent, ids.child]) {
      const [py, ts] = [await readWithPython(id), await readWithTs(id)];
      expect(ts).toEqual(py);
    }
    const parent = (await readWithTs(ids.parent)) as {
      params: object;
      histories: Record<string, unknown[]>;
      inputs: unknown[];
      artifacts: object;
    };
    expect(parent.params).toEqual({ lr: '0.01', layers: '64,32' });
    expect(parent.histories.loss).toHaveLength(5);
    expect(parent.histories.weird).toEqual([
      [0, 1_700_000_000_000, 'NaN'],
      [1, 1_700_000_000_001, -Number.MAX_VALUE],
    ]);
    expect(parent.inputs).toMatchObject([
      { name: 'remote', digest: 'abc123', source_type: 'http', tags: { 'mlflow.data.context': 'training' } },
    ]);
    expect(parent.artifacts).toMatchObject({
      'inputs/a.txt': 'alpha',
      'notes/py.txt': 'from python',
      'config.json': expect.stringContaining('"a"') as unknown,
    });
    expect(await client.loadDict(ids.parent, 'config.json')).toEqual({ a: [1, 2] });
    const child = await client.getParentRun(ids.child);
    expect(child?.info.run_id).toBe(ids.parent);
  }, 240_000);
});
