// API tests of model versions: ok table, then error table with MLflow's exact answers (source checks included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badType,
  errorTable,
  get,
  missing,
  post,
  startTestApp,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';
import { createModel, createVersion, send } from './registry-support.js';

let t: TestApp;
let runId = '';
let runRoot = '';
beforeAll(async () => {
  t = await startTestApp();
  await createModel(t.app, 'm1');
  await createVersion(t.app, 'm1');
  const run = await post(t.app, '/runs/create', { experiment_id: '0' });
  const info = (run.json as { run: { info: { run_id: string; artifact_uri: string } } }).run.info;
  runId = info.run_id;
  runRoot = info.artifact_uri;
});
afterAll(async () => t.close());

describe('model versions: ok', () => {
  it('creates READY versions with the proto defaults MLflow sends back', async () => {
    await createModel(t.app, 'mv-ok');
    const v = await createVersion(t.app, 'mv-ok', 's3://b/x', { tags: [{ key: 'k' }] });
    expect(v).toEqual({
      name: 'mv-ok',
      version: '1',
      creation_timestamp: expect.any(Number),
      last_updated_timestamp: v['creation_timestamp'],
      current_stage: 'None',
      description: '',
      source: 's3://b/x',
      run_id: '',
      status: 'READY',
      tags: [{ key: 'k', value: '' }],
      run_link: '',
    });
  });

  it('takes runs:/ sources of the given run and run-root sources, never reusing deleted numbers', async () => {
    await createModel(t.app, 'mv-run');
    const v1 = await createVersion(t.app, 'mv-run', `runs:/${runId}/model`, { run_id: runId });
    expect(v1).toMatchObject({ version: '1', run_id: runId, source: `runs:/${runId}/model` });
    const v2 = await createVersion(t.app, 'mv-run', `${runRoot}/model`, { run_id: runId });
    expect(v2).toMatchObject({ version: '2' });
    expect(
      (await send(t.app, 'DELETE', '/model-versions/delete', { name: 'mv-run', version: '2' })).json,
    ).toEqual({});
    expect(await createVersion(t.app, 'mv-run', `runs:/${runId}/model`, { run_id: runId })).toMatchObject({
      version: '3',
    });
    const uri = await get(t.app, '/model-versions/get-download-uri', { name: 'mv-run', version: '1' });
    expect(uri.json).toEqual({ artifact_uri: `runs:/${runId}/model` });
  });

  it('pins a models:/ source to the referenced version and its run', async () => {
    await createModel(t.app, 'mv-copy');
    const v = await createVersion(t.app, 'mv-copy', 'models:/mv-run/latest');
    expect(v).toMatchObject({ source: 'models:/mv-run/3', run_id: runId });
    const uri = await get(t.app, '/model-versions/get-download-uri', { name: 'mv-copy', version: '1' });
    expect(uri.json).toEqual({ artifact_uri: `runs:/${runId}/model` });
  });

  it('registers a logged model: its run fills run_id and its tag lists the versions', async () => {
    const made = await post(t.app, '/logged-models', { experiment_id: '0', source_run_id: runId });
    const info = (made.json as { model: { info: { model_id: string; artifact_uri: string } } }).model.info;
    await createModel(t.app, 'mv-logged');
    const v1 = await createVersion(t.app, 'mv-logged', `models:/${info.model_id}`, {
      model_id: info.model_id,
    });
    expect(v1).toMatchObject({ version: '1', run_id: runId, source: `models:/${info.model_id}` });
    await createVersion(t.app, 'mv-logged', `${info.artifact_uri}/sub`, { model_id: info.model_id });
    const uri = await get(t.app, '/model-versions/get-download-uri', { name: 'mv-logged', version: '1' });
    expect(uri.json).toEqual({ artifact_uri: info.artifact_uri });
    const logged = await get(t.app, `/logged-models/${info.model_id}`);
    const tags = (logged.json as { model: { info: { tags: { key: string; value: string }[] } } }).model.info
      .tags;
    expect(tags.find((x) => x.key === 'mlflow.modelVersions')?.value).toBe(
      '[{"name": "mv-logged", "version": 1}, {"name": "mv-logged", "version": 2}]',
    );
  });

  it('updates, transitions with archiving, sets and deletes tags', async () => {
    await createModel(t.app, 'mv-life');
    await createVersion(t.app, 'mv-life');
    await createVersion(t.app, 'mv-life');
    const updated = await send(t.app, 'PATCH', '/model-versions/update', {
      name: 'mv-life',
      version: '1',
      description: 'x',
    });
    expect(updated.json).toMatchObject({ model_version: { description: 'x' } });
    await post(t.app, '/model-versions/transition-stage', {
      name: 'mv-life',
      version: '1',
      stage: 'staging',
    });
    const moved = await post(t.app, '/model-versions/transition-stage', {
      name: 'mv-life',
      version: '2',
      stage: 'Staging',
      archive_existing_versions: true,
    });
    expect(moved.json).toMatchObject({ model_version: { current_stage: 'Staging' } });
    const v1 = await get(t.app, '/model-versions/get', { name: 'mv-life', version: '1' });
    expect(v1.json).toMatchObject({ model_version: { current_stage: 'Archived' } });
    expect(
      (await post(t.app, '/model-versions/set-tag', { name: 'mv-life', version: '1', key: 'k' })).json,
    ).toEqual({});
    const tagged = await get(t.app, '/model-versions/get', { name: 'mv-life', version: '1' });
    expect(tagged.json).toMatchObject({ model_version: { tags: [{ key: 'k', value: '' }] } });
    expect(
      (await send(t.app, 'DELETE', '/model-versions/delete-tag', { name: 'mv-life', version: '1', key: 'k' }))
        .json,
    ).toEqual({});
  });
});

describe('model versions: errors', () => {
  const INVALID = 'INVALID_PARAMETER_VALUE';
  const MISSING = 'RESOURCE_DOES_NOT_EXIST';
  const fromOwner = (source: string, id: string): string =>
    `Invalid model version source: '${source}'. The ${id} request parameter must identify the resource that contains the source.`;
  const relative = (source: string): string =>
    `Invalid model version source: '${source}'. If supplying a source as an http, https, local file path, ftp, objectstore, or mlflow-artifacts uri, an absolute path must be provided without relative path references present. Please provide an absolute path.`;
  const create = (body: Record<string, unknown>) =>
    post(t.app, '/model-versions/create', { name: 'm1', ...body });
  // One row per case, recorded from MLflow 3.18.0's server.
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'create without source', send: () => create({}), status: 400, code: INVALID, message: missing('source') },
    { name: 'create for an unknown model', send: () => post(t.app, '/model-versions/create', { name: 'nope', source: 's3://b/x' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
    { name: 'create from a local path without run', send: () => create({ source: '/tmp/x' }), status: 400, code: INVALID, message: "Invalid model version source: '/tmp/x'. To use a local path as a model version source, the run_id request parameter has to be specified and the local path has to be contained within the artifact directory of the run specified by the run_id." },
    { name: 'create from a path with ..', send: () => create({ source: 's3://b/../x' }), status: 400, code: INVALID, message: relative('s3://b/../x') },
    { name: 'create from a bucket without path', send: () => create({ source: 's3://b' }), status: 400, code: INVALID, message: relative('s3://b') },
    { name: 'create from runs:/ without run_id', send: () => create({ source: 'runs:/abc/model' }), status: 400, code: INVALID, message: fromOwner('runs:/abc/model', 'run_id') },
    { name: 'create from runs:/ of another run', send: () => create({ source: 'runs:/abc/model', run_id: 'def' }), status: 400, code: INVALID, message: fromOwner('runs:/abc/model', 'run_id') },
    { name: 'create from a file: URI of another host', send: () => create({ source: 'file://remotehost/x' }), status: 500, code: 'INTERNAL_ERROR', message: 'file://remotehost/x is not a valid remote uri. For remote access on windows, please consider using a different scheme such as SMB (e.g. smb://<hostname>/<path>).' },
    { name: 'create from a foreign http host', send: () => create({ source: 'http://evil.com/x' }), status: 400, code: INVALID, message: "'source' cannot use the 'http' scheme: the 'http' scheme addresses a host other than the tracking server's configured artifact storage, so the server would connect to the host named in the URI. Set the MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES environment variable on the server to allow it." },
    { name: 'create from mlflow-artifacts without run', send: () => create({ source: 'mlflow-artifacts:/x/y' }), status: 400, code: INVALID, message: fromOwner('mlflow-artifacts:/x/y', 'run_id') },
    { name: 'create from an unknown version', send: () => create({ source: 'models:/m1/99' }), status: 404, code: MISSING, message: 'Model Version (name=m1, version=99) not found' },
    { name: 'create from an unknown model', send: () => create({ source: 'models:/nope/1' }), status: 404, code: MISSING, message: 'Registered Model with name=nope not found' },
    { name: 'create from a logged model without model_id', send: () => create({ source: 'models:/m-abc' }), status: 400, code: INVALID, message: fromOwner('models:/m-abc', 'model_id') },
    { name: 'create from an unknown logged model', send: () => create({ source: 'models:/m-abc', model_id: 'm-abc' }), status: 500, code: 'INTERNAL_ERROR', message: "Unable to fetch model from model URI source artifact location 'models:/m-abc'.Error: Logged model with ID 'm-abc' not found." },
    { name: 'create a prompt version from a real location', send: () => create({ source: 'x', tags: [{ key: 'mlflow.prompt.is_prompt', value: 'true' }] }), status: 400, code: INVALID, message: "Invalid prompt source: 'x'. Prompt sources must use an MLflow placeholder." },
    { name: 'get an unknown version', send: () => get(t.app, '/model-versions/get', { name: 'm1', version: '99' }), status: 404, code: MISSING, message: 'Model Version (name=m1, version=99) not found' },
    { name: 'get a non-integer version', send: () => get(t.app, '/model-versions/get', { name: 'm1', version: 'x' }), status: 400, code: INVALID, message: "Parameter 'version' must be an integer, got 'x'." },
    { name: 'get without version', send: () => get(t.app, '/model-versions/get', { name: 'm1' }), status: 400, code: INVALID, message: missing('version') },
    { name: 'update an unknown version', send: () => send(t.app, 'PATCH', '/model-versions/update', { name: 'm1', version: '99', description: 'x' }), status: 404, code: MISSING, message: 'Model Version (name=m1, version=99) not found' },
    { name: 'transition to a bad stage', send: () => post(t.app, '/model-versions/transition-stage', { name: 'm1', version: '1', stage: 'bogus' }), status: 400, code: INVALID, message: 'Invalid Model Version stage: bogus. Value must be one of None, Staging, Production, Archived.' },
    { name: 'transition archiving into None', send: () => post(t.app, '/model-versions/transition-stage', { name: 'm1', version: '1', stage: 'None', archive_existing_versions: true }), status: 500, code: 'INTERNAL_ERROR', message: "Model version transition cannot archive existing model versions because 'None' is not an Active stage. Valid stages are ['Staging', 'Production']" },
    { name: 'transition with a string flag', send: () => post(t.app, '/model-versions/transition-stage', { name: 'm1', version: '1', stage: 'Staging', archive_existing_versions: 'yes' }), status: 400, code: INVALID, message: badType('archive_existing_versions', '"yes"', 'str') },
    { name: 'transition without stage', send: () => post(t.app, '/model-versions/transition-stage', { name: 'm1', version: '1' }), status: 400, code: INVALID, message: missing('stage') },
    { name: 'delete an unknown version', send: () => send(t.app, 'DELETE', '/model-versions/delete', { name: 'm1', version: '99' }), status: 404, code: MISSING, message: 'Model Version (name=m1, version=99) not found' },
    { name: 'delete a non-integer version', send: () => send(t.app, 'DELETE', '/model-versions/delete', { name: 'm1', version: 'abc' }), status: 400, code: INVALID, message: "Parameter 'version' must be an integer, got 'abc'." },
    // get-download-uri has no handler schema: the store's own checks answer.
    { name: 'download URI without name', send: () => get(t.app, '/model-versions/get-download-uri'), status: 400, code: INVALID, message: "Missing value for required parameter 'name'." },
    { name: 'download URI without version', send: () => get(t.app, '/model-versions/get-download-uri', { name: 'm1' }), status: 400, code: INVALID, message: "Parameter 'version' must be an integer, got ''." },
    { name: 'download URI of an unknown version', send: () => get(t.app, '/model-versions/get-download-uri', { name: 'm1', version: '99' }), status: 404, code: MISSING, message: 'Model Version (name=m1, version=99) not found' },
    { name: 'set a tag on an unknown version', send: () => post(t.app, '/model-versions/set-tag', { name: 'm1', version: '99', key: 'k', value: 'v' }), status: 404, code: MISSING, message: 'Model Version (name=m1, version=99) not found' },
    { name: 'delete a tag of an unknown version', send: () => send(t.app, 'DELETE', '/model-versions/delete-tag', { name: 'm1', version: '99', key: 'k' }), status: 404, code: MISSING, message: 'Model Version (name=m1, version=99) not found' },
  ];
  errorTable(cases);
});
