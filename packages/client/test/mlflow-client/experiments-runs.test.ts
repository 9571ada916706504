// MlflowClient experiments, runs, logging and histories against a real mlflow-ts server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPages, MlflowClient, MlflowRestError } from '../../src/index.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let client: MlflowClient;
beforeAll(async () => {
  server = await startTestServer();
  client = new MlflowClient({ trackingUri: server.url, retry: { maxRetries: 0 } });
});
afterAll(() => server.stop());

describe('experiments', () => {
  it('creates, reads, renames, tags, deletes and restores', async () => {
    const id = await client.createExperiment('exp-a', { tags: { team: 'risk' } });
    expect(await client.getExperiment(id)).toMatchObject({
      experiment_id: id,
      name: 'exp-a',
      tags: [{ key: 'team', value: 'risk' }],
    });
    await client.renameExperiment(id, 'exp-a2');
    await client.setExperimentTag(id, 'owner', 'ana');
    await client.deleteExperimentTag(id, 'team');
    const renamed = await client.getExperimentByName('exp-a2');
    expect(renamed).toMatchObject({ experiment_id: id, tags: [{ key: 'owner', value: 'ana' }] });
    expect(await client.getExperimentByName('exp-a')).toBeUndefined();
    await client.deleteExperiment(id);
    expect((await client.getExperiment(id)).lifecycle_stage).toBe('deleted');
    await client.restoreExperiment(id);
    expect((await client.getExperiment(id)).lifecycle_stage).toBe('active');
  });

  it('pages through searches', async () => {
    for (let i = 0; i < 5; i++) await client.createExperiment(`page-${i}`);
    const first = await client.searchExperiments({
      filterString: "name LIKE 'page-%'",
      maxResults: 2,
      orderBy: ['name'],
    });
    expect(first.items.map((e) => e.name)).toEqual(['page-0', 'page-1']);
    expect(first.token).toBeDefined();
    const all = await collectPages((pageToken) =>
      client.searchExperiments({
        filterString: "name LIKE 'page-%'",
        maxResults: 2,
        orderBy: ['name'],
        pageToken,
      }),
    );
    expect(all.map((e) => e.name)).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
    const iterated: string[] = [];
    for await (const e of client.iterateExperiments({ filterString: "name LIKE 'page-%'", maxResults: 3 }))
      iterated.push(e.name);
    expect(iterated.sort()).toEqual(all.map((e) => e.name));
  });

  it('throws MlflowRestError for a missing experiment', async () => {
    await expect(client.getExperiment('987654')).rejects.toBeInstanceOf(MlflowRestError);
  });
});

describe('runs and logging', () => {
  it('creates a run with the user from mlflow.user and logs every kind of data', async () => {
    const expId = await client.createExperiment('runs-a');
    const run = await client.createRun(expId, {
      runName: 'r1',
      startTime: 1000,
      tags: { 'mlflow.user': 'ana', stage: 'dev' },
    });
    const runId = run.info.run_id;
    expect(run.info).toMatchObject({ run_name: 'r1', user_id: 'ana', start_time: 1000, status: 'RUNNING' });
    await client.logMetric(runId, 'loss', 0.5, { step: 1, timestamp: 10 });
    await client.logMetric(runId, 'loss', NaN, { step: 2, timestamp: 11 });
    expect(await client.logParam(runId, 'flag', true)).toBe('True');
    await client.setTag(runId, 'note', 'x');
    await client.deleteTag(runId, 'stage');
    await client.logBatch(runId, {
      metrics: [{ key: 'acc', value: 0.9, step: 0, timestamp: 12 }],
      params: { lr: 0.01, layers: [64, 32] },
      tags: [{ key: 'batch', value: 'yes' }],
    });
    await client.logInputs(runId, [
      {
        dataset: { name: 'train', digest: 'd1', source_type: 'local', source: '{}' },
        tags: [{ key: 'mlflow.data.context', value: 'training' }],
      },
    ]);
    const got = await client.getRun(runId);
    const kv = (l?: { key: string; value?: string }[]) =>
      Object.fromEntries((l ?? []).map((e) => [e.key, e.value]));
    expect(kv(got.data.params)).toEqual({ flag: 'True', lr: '0.01', layers: '[64,32]' });
    expect(kv(got.data.tags)).toMatchObject({
      note: 'x',
      batch: 'yes',
      'mlflow.user': 'ana',
      'mlflow.runName': 'r1',
    });
    expect(kv(got.data.tags).stage).toBeUndefined();
    expect(got.inputs?.dataset_inputs?.[0]?.dataset.name).toBe('train');
    expect((await client.getMetricHistory(runId, 'loss')).map((m) => [m.step, m.value])).toEqual([
      [1, 0.5],
      [2, NaN],
    ]);
    const bulk = await client.getMetricHistoryBulkInterval([runId], 'loss', { maxResults: 10 });
    expect(bulk.map((m) => m.run_id)).toEqual([runId, runId]);

    await client.updateRun(runId, { name: 'r1b' });
    expect((await client.setTerminated(runId, 'FAILED', 5000)).status).toBe('FAILED');
    expect((await client.getRun(runId)).info).toMatchObject({
      run_name: 'r1b',
      status: 'FAILED',
      end_time: 5000,
    });
    await client.deleteRun(runId);
    expect((await client.searchRuns(expId)).items).toEqual([]);
    expect(
      (await client.searchRuns([expId], { runViewType: 'DELETED_ONLY' })).items.map((r) => r.info.run_id),
    ).toEqual([runId]);
    await client.restoreRun(runId);
    expect((await client.getRun(runId)).info.lifecycle_stage).toBe('active');
  });

  it('splits a large batch within MLflow limits and keeps every value', async () => {
    const expId = await client.createExperiment('runs-big');
    const runId = (await client.createRun(expId)).info.run_id;
    const metrics = Array.from({ length: 2500 }, (_v, i) => ({ key: 'm', value: i, step: i, timestamp: i }));
    const params = Object.fromEntries(Array.from({ length: 250 }, (_v, i) => [`p${i}`, String(i)]));
    await client.logBatch(runId, { metrics, params });
    const history = await client.getMetricHistory(runId, 'm');
    expect(history.length).toBe(2500);
    expect(history.map((m) => m.value)).toEqual(metrics.map((m) => m.value));
    expect((await client.getRun(runId)).data.params?.length).toBe(250);
  });

  it('searches runs with filters, order and paging, and finds parents', async () => {
    const expId = await client.createExperiment('runs-search');
    const parent = await client.createRun(expId, { runName: 'parent' });
    for (let i = 0; i < 4; i++) {
      const r = await client.createRun(expId, {
        runName: `child-${i}`,
        tags: { 'mlflow.parentRunId': parent.info.run_id },
      });
      await client.logMetric(r.info.run_id, 'score', i);
    }
    const page = await client.searchRuns(expId, {
      filterString: 'metrics.score >= 1',
      orderBy: ['metrics.score DESC'],
      maxResults: 2,
    });
    expect(page.items.map((r) => r.info.run_name)).toEqual(['child-3', 'child-2']);
    const names: string[] = [];
    for await (const r of client.iterateRuns(expId, {
      filterString: 'metrics.score >= 1',
      orderBy: ['metrics.score DESC'],
      maxResults: 2,
    })) {
      names.push(r.info.run_name ?? '');
    }
    expect(names).toEqual(['child-3', 'child-2', 'child-1']);
    const child = page.items[0];
    expect((await client.getParentRun(child?.info.run_id ?? ''))?.info.run_id).toBe(parent.info.run_id);
    expect(await client.getParentRun(parent.info.run_id)).toBeUndefined();
  });
});
