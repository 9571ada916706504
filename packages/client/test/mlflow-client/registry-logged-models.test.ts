// MlflowClient registry and logged-model calls against a real mlflow-ts server.
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

describe('model registry', () => {
  it('creates models and versions, moves stages and aliases, tags and searches', async () => {
    const runId = (await client.createRun('0')).info.run_id;
    const model = await client.createRegisteredModel('reg-a', {
      description: 'first',
      tags: { team: 'risk' },
    });
    expect(model).toMatchObject({
      name: 'reg-a',
      description: 'first',
      tags: [{ key: 'team', value: 'risk' }],
    });
    const v1 = await client.createModelVersion('reg-a', `runs:/${runId}/model`, { runId, description: 'v1' });
    const v2 = await client.createModelVersion('reg-a', `runs:/${runId}/model`, { runId, tags: { k: 'v' } });
    expect([v1.version, v2.version]).toEqual(['1', '2']);

    await client.transitionModelVersionStage('reg-a', 1, 'Production');
    expect((await client.getLatestVersions('reg-a', ['Production'])).map((v) => v.version)).toEqual(['1']);
    await client.setRegisteredModelAlias('reg-a', 'champion', 2);
    expect((await client.getModelVersionByAlias('reg-a', 'champion')).version).toBe('2');
    await client.deleteRegisteredModelAlias('reg-a', 'champion');
    await expect(client.getModelVersionByAlias('reg-a', 'champion')).rejects.toBeInstanceOf(MlflowRestError);

    await client.setModelVersionTag('reg-a', '1', 'validated', 'yes');
    await client.deleteModelVersionTag('reg-a', 2, 'k');
    expect((await client.getModelVersion('reg-a', 1)).tags).toEqual([{ key: 'validated', value: 'yes' }]);
    expect((await client.getModelVersion('reg-a', 2)).tags ?? []).toEqual([]);
    expect((await client.updateModelVersion('reg-a', 1, 'retrained')).description).toBe('retrained');
    expect(await client.getModelVersionDownloadUri('reg-a', 1)).toContain(runId);

    await client.setRegisteredModelTag('reg-a', 'owner', 'ana');
    await client.deleteRegisteredModelTag('reg-a', 'team');
    expect((await client.updateRegisteredModel('reg-a', 'second')).description).toBe('second');
    const renamed = await client.renameRegisteredModel('reg-a', 'reg-b');
    expect(renamed.name).toBe('reg-b');
    expect((await client.getRegisteredModel('reg-b')).tags).toEqual([{ key: 'owner', value: 'ana' }]);

    for (let i = 0; i < 3; i++) await client.createRegisteredModel(`page-${i}`);
    const pages = await collectPages((pageToken) =>
      client.searchRegisteredModels({ filterString: "name LIKE 'page-%'", maxResults: 2, pageToken }),
    );
    expect(pages.map((m) => m.name)).toEqual(['page-0', 'page-1', 'page-2']);
    const versions = await client.searchModelVersions({ filterString: "name = 'reg-b'" });
    expect(versions.items.map((v) => v.version).sort()).toEqual(['1', '2']);

    await client.deleteModelVersion('reg-b', 2);
    await client.deleteRegisteredModel('reg-b');
    await expect(client.getRegisteredModel('reg-b')).rejects.toMatchObject({
      code: 'RESOURCE_DOES_NOT_EXIST',
      status: 404,
    });
  });
});

describe('logged models', () => {
  it('creates, finalizes, tags, logs params, searches, lists artifacts and deletes', async () => {
    const runId = (await client.createRun('0')).info.run_id;
    const created = await client.createLoggedModel('0', {
      name: 'clf',
      sourceRunId: runId,
      params: { depth: '3' },
      tags: { t: '1' },
      modelType: 'sk',
    });
    const id = created.info.model_id;
    expect(created.info).toMatchObject({
      name: 'clf',
      status: 'LOGGED_MODEL_PENDING',
      source_run_id: runId,
      model_type: 'sk',
    });
    expect((await client.finalizeLoggedModel(id, 'READY')).info.status).toBe('LOGGED_MODEL_READY');
    await client.setLoggedModelTags(id, { stage: 'candidate' });
    await client.deleteLoggedModelTag(id, 't');
    await client.logModelParams(id, { lr: '0.1' });
    const got = await client.getLoggedModel(id);
    expect(got.info.tags).toEqual([{ key: 'stage', value: 'candidate' }]);
    expect(got.data.params?.map((p) => p.key).sort()).toEqual(['depth', 'lr']);
    const found = await client.searchLoggedModels(['0'], {
      filterString: "name = 'clf'",
      orderBy: [{ field_name: 'creation_timestamp', ascending: false }],
    });
    expect(found.items.map((m) => m.info.model_id)).toEqual([id]);
    expect(await client.listLoggedModelArtifacts(id)).toEqual([]);
    await client.deleteLoggedModel(id);
    await expect(client.getLoggedModel(id)).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
  });
});
