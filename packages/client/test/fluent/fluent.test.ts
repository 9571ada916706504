// The fluent API against a real server: experiments, the run stack, context tags, queued logging, artifacts, search.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as mlflow from '../../src/node/index.js';
import { MlflowClient, MlflowRestError } from '../../src/node/index.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let client: MlflowClient;
beforeAll(async () => {
  server = await startTestServer();
  client = new MlflowClient({ trackingUri: server.url });
});
afterAll(() => server.stop());
beforeEach(() => {
  mlflow.resetFluentState();
  mlflow.setTrackingUri(server.url);
});
afterEach(async () => {
  while (mlflow.activeRun()) await mlflow.endRun();
});

const tagsOf = (run: { data: { tags?: { key: string; value?: string }[] } }) =>
  Object.fromEntries((run.data.tags ?? []).map((t) => [t.key, t.value]));

describe('tracking URI and experiments', () => {
  it('sets and reads the tracking URI, refusing non-http schemes', () => {
    expect(mlflow.getTrackingUri()).toBe(server.url);
    // As in Python, a client made without a URI follows setTrackingUri.
    expect(new MlflowClient().trackingUri).toBe(server.url);
    expect(() => mlflow.setTrackingUri('file:///tmp/mlruns')).toThrow(/http:\/\/ or https:\/\//);
  });

  it('setExperiment creates by name, finds by id, refuses deleted ones', async () => {
    const exp = await mlflow.setExperiment('fluent-exp');
    expect(exp.name).toBe('fluent-exp');
    expect((await mlflow.setExperiment('fluent-exp')).experiment_id).toBe(exp.experiment_id);
    expect((await mlflow.setExperiment({ experimentId: exp.experiment_id })).name).toBe('fluent-exp');
    await expect(mlflow.setExperiment({})).rejects.toThrow('Must specify exactly one of');
    await expect(mlflow.setExperiment({ experimentId: '424242' })).rejects.toThrow(
      "Experiment with ID '424242' does not exist.",
    );
    const gone = await client.createExperiment('fluent-gone');
    await client.deleteExperiment(gone);
    await expect(mlflow.setExperiment('fluent-gone')).rejects.toThrow(
      "Cannot set a deleted experiment 'fluent-gone'",
    );
  });
});

describe('runs', () => {
  it('startRun sets Python’s context tags and the run name', async () => {
    await mlflow.setExperiment('fluent-tags');
    const run = await mlflow.startRun({ runName: 'tagged', tags: { stage: 'dev' }, description: 'notes' });
    const tags = tagsOf(await client.getRun(run.info.run_id));
    const commit = execFileSync('git', ['-C', path.dirname(process.argv[1] ?? '.'), 'rev-parse', 'HEAD'])
      .toString()
      .trim();
    expect(tags).toMatchObject({
      stage: 'dev',
      'mlflow.runName': 'tagged',
      'mlflow.note.content': 'notes',
      'mlflow.source.type': 'LOCAL',
      'mlflow.source.name': process.argv[1],
      'mlflow.source.git.commit': commit,
    });
    expect(tags['mlflow.user']).toBeTruthy();
    expect(run.info.run_name).toBe('tagged');
    await mlflow.endRun();
    expect((await client.getRun(run.info.run_id)).info.status).toBe('FINISHED');
  });

  it('keeps a stack of nested runs and refuses an unnested second run', async () => {
    const parent = await mlflow.startRun({ runName: 'parent' });
    await expect(mlflow.startRun()).rejects.toThrow(`Run with UUID ${parent.info.run_id} is already active`);
    const child = await mlflow.startRun({ runName: 'child', nested: true });
    expect(mlflow.activeRun()?.info.run_id).toBe(child.info.run_id);
    expect(tagsOf(await client.getRun(child.info.run_id))['mlflow.parentRunId']).toBe(parent.info.run_id);
    await mlflow.endRun('KILLED');
    expect(mlflow.activeRun()?.info.run_id).toBe(parent.info.run_id);
    await mlflow.endRun();
    expect(mlflow.activeRun()).toBeUndefined();
    expect((await client.getRun(child.info.run_id)).info.status).toBe('KILLED');
    expect((await mlflow.lastActiveRun())?.info.run_id).toBe(parent.info.run_id);
  });

  it('withRun ends FINISHED on success and FAILED on throw; disposal ends FINISHED', async () => {
    const ok = await mlflow.withRun({ runName: 'ok' }, (run) => run.info.run_id);
    expect((await client.getRun(ok)).info.status).toBe('FINISHED');
    let failedId = '';
    await expect(
      mlflow.withRun(async (run) => {
        failedId = run.info.run_id;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await client.getRun(failedId)).info.status).toBe('FAILED');
    expect(mlflow.activeRun()).toBeUndefined();
    const disposed = await mlflow.startRun();
    await disposed[Symbol.asyncDispose]();
    expect((await client.getRun(disposed.info.run_id)).info.status).toBe('FINISHED');
  });

  it('ends the run FINISHED when an `await using` block exits', async () => {
    let id: string;
    {
      await using run = await mlflow.startRun({ runName: 'using' });
      id = run.info.run_id;
      await mlflow.logMetric('m', 1);
    }
    expect(mlflow.activeRun()).toBeUndefined();
    const got = await client.getRun(id);
    expect(got.info.status).toBe('FINISHED');
    expect(got.data.metrics?.[0]).toMatchObject({ key: 'm', value: 1 });
  });

  it('resumes an existing run by id', async () => {
    const first = await mlflow.startRun({ runName: 'resume-me' });
    await mlflow.endRun();
    const again = await mlflow.startRun({ runId: first.info.run_id, tags: { resumed: 'yes' } });
    expect(again.info).toMatchObject({ run_id: first.info.run_id, status: 'RUNNING' });
    expect(tagsOf(again).resumed).toBe('yes');
    await mlflow.endRun();
  });
});

describe('queued logging', () => {
  it('writes a large burst of metrics, params and tags in order, auto-starting a run', async () => {
    await mlflow.setExperiment('fluent-burst');
    for (let i = 0; i < 2500; i++) void mlflow.logMetric('loss', 1 / (i + 1), { step: i });
    await mlflow.logParams(Object.fromEntries(Array.from({ length: 150 }, (_v, i) => [`p${i}`, i])));
    await mlflow.setTags(Object.fromEntries(Array.from({ length: 120 }, (_v, i) => [`t${i}`, i])));
    await mlflow.setTag('t0', 'last wins');
    await mlflow.logMetrics({ a: 1, b: 2 }, { step: 7 });
    const runId = mlflow.activeRun()?.info.run_id ?? '';
    expect(runId).not.toBe('');
    await mlflow.flush();
    const run = await client.getRun(runId);
    expect(run.data.params?.length).toBe(150);
    expect(tagsOf(run).t0).toBe('last wins');
    expect(tagsOf(run).t119).toBe('119');
    const history = await client.getMetricHistory(runId, 'loss');
    expect(history.map((m) => m.step)).toEqual(Array.from({ length: 2500 }, (_v, i) => i));
    expect((await client.getMetricHistory(runId, 'b'))[0]).toMatchObject({ value: 2, step: 7 });
  });

  it('flush rejects with the server error for a refused batch, and endRun still ends the run', async () => {
    const run = await mlflow.startRun();
    await mlflow.logParam('lr', 1);
    await mlflow.flush();
    await mlflow.logParam('lr', 2);
    const err = await mlflow.flush().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MlflowRestError);
    expect((err as MlflowRestError).code).toBe('INVALID_PARAMETER_VALUE');
    expect((err as Error).message).toContain('Changing param values is not allowed');
    await mlflow.logParam('lr', 3);
    await expect(mlflow.endRun()).rejects.toThrow('Changing param values is not allowed');
    expect((await client.getRun(run.info.run_id)).info.status).toBe('FINISHED');
  });

  it('logs synchronously when asked, and deleteTag waits for queued tags', async () => {
    const run = await mlflow.startRun();
    await mlflow.logMetric('now', 5, { synchronous: true });
    expect((await client.getRun(run.info.run_id)).data.metrics?.[0]).toMatchObject({ key: 'now', value: 5 });
    void mlflow.setTag('gone', 'x');
    await mlflow.deleteTag('gone');
    expect(tagsOf(await client.getRun(run.info.run_id)).gone).toBeUndefined();
  });
});

describe('artifacts, inputs and search', () => {
  it('logs artifacts, dicts, text, tables, images and inputs to the active run', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-fluent-'));
    try {
      await writeFile(path.join(dir, 'f.txt'), 'file');
      const run = await mlflow.startRun();
      await mlflow.logArtifact(path.join(dir, 'f.txt'), 'one');
      await mlflow.logArtifacts(dir, 'all');
      await mlflow.logDict({ a: 1 }, 'd.json');
      await mlflow.logText('t', 't.txt');
      await mlflow.logTable({ x: [1] }, 'table.json');
      await mlflow.logImage(
        Uint8Array.from(
          Buffer.from(
            'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
            'base64',
          ),
        ),
        'i.png',
      );
      await mlflow.logInput(
        { name: 'ds', digest: 'dg', source_type: 'local', source: '{}' },
        { context: 'training' },
      );
      const files = (await client.listArtifacts(run.info.run_id)).map((f) => f.path);
      expect(files).toEqual(['all', 'd.json', 'i.png', 'one', 't.txt', 'table.json']);
      const got = await client.getRun(run.info.run_id);
      expect(got.inputs?.dataset_inputs?.[0]).toMatchObject({
        dataset: { name: 'ds', digest: 'dg' },
        tags: [{ key: 'mlflow.data.context', value: 'training' }],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('searchRuns walks every page of the active experiment', async () => {
    const exp = await mlflow.setExperiment('fluent-search');
    for (let i = 0; i < 3; i++) {
      await mlflow.withRun({ runName: `s${i}` }, () => mlflow.logMetric('score', i));
    }
    const runs = await mlflow.searchRuns({
      orderBy: ['metrics.score DESC'],
      filterString: 'metrics.score >= 1',
    });
    expect(runs.map((r) => r.info.run_name)).toEqual(['s2', 's1']);
    expect((await mlflow.searchRuns({ experimentNames: ['fluent-search'], maxResults: 2 })).length).toBe(2);
    expect((await mlflow.searchRuns({ experimentIds: [exp.experiment_id] })).length).toBe(3);
  });
});

describe('system metrics on a fluent run', () => {
  it('startRun({ logSystemMetrics: true }) logs system/ metrics while the run is active', async () => {
    const saved = process.env.MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL;
    process.env.MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL = '0.2';
    try {
      const run = await mlflow.startRun({ runName: 'with-system-metrics', logSystemMetrics: true });
      await new Promise((r) => setTimeout(r, 1500));
      await mlflow.endRun();
      const keys = ((await client.getRun(run.info.run_id)).data.metrics ?? []).map((m) => m.key);
      expect(keys).toContain('system/cpu_utilization_percentage');
      expect(keys).toContain('system/system_memory_usage_megabytes');
      expect(keys.every((k) => k.startsWith('system/'))).toBe(true);
      // Off by default: a plain run gets none.
      const plain = await mlflow.startRun({ runName: 'without' });
      await mlflow.endRun();
      expect((await client.getRun(plain.info.run_id)).data.metrics ?? []).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL;
      else process.env.MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL = saved;
    }
  });
});
