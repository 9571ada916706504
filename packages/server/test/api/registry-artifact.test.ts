// API tests of GET /model-versions/get-artifact: files of a version's source served like run artifacts.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorTable, inject, post, startTestApp, type ErrorCase, type TestApp } from '../support/test-app.js';
import { createModel, createVersion } from './registry-support.js';

let t: TestApp;
let runRoot = '';
beforeAll(async () => {
  t = await startTestApp();
  const run = await post(t.app, '/runs/create', { experiment_id: '0' });
  const info = (run.json as { run: { info: { run_id: string; artifact_uri: string } } }).run.info;
  runRoot = info.artifact_uri;
  // mlflow-artifacts:/0/<run>/artifacts lives at <destination>/0/<run>/artifacts
  const dir = path.join(t.config.artifactsDestination, '0', info.run_id, 'artifacts', 'model');
  await mkdir(path.join(dir, 'sub'), { recursive: true });
  await writeFile(path.join(dir, 'MLmodel'), 'flavors: {}\n');
  await writeFile(path.join(dir, 'sub', 'w.bin'), Buffer.from([1, 2, 3]));
  await createModel(t.app, 'art');
  await createVersion(t.app, 'art', `runs:/${info.run_id}/model`, { run_id: info.run_id });
  await createVersion(t.app, 'art', `${runRoot}/model`, { run_id: info.run_id });
});
afterAll(async () => t.close());

const fetchArtifact = (query: Record<string, string>) =>
  inject(t.app, { method: 'GET', url: '/model-versions/get-artifact', query });

describe('model-version get-artifact: ok', () => {
  it('serves a file of a runs:/ source', async () => {
    const res = await fetchArtifact({ name: 'art', version: '1', path: 'MLmodel' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('flavors: {}\n');
    expect(res.headers['content-disposition']).toBe('attachment; filename=MLmodel');
  });

  it('serves a nested file of a proxied source', async () => {
    const res = await fetchArtifact({ name: 'art', version: '2', path: 'sub/w.bin' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe('attachment; filename=w.bin');
  });

  it('is not served under /ajax-api (MLflow registers it beside the UI routes only)', async () => {
    const res = await inject(t.app, {
      method: 'GET',
      url: '/ajax-api/2.0/mlflow/model-versions/get-artifact',
      query: { name: 'art', version: '1', path: 'MLmodel' },
    });
    expect(res.status).toBe(404);
  });
});

describe('model-version get-artifact: errors', () => {
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'unknown version', send: () => fetchArtifact({ name: 'art', version: '9', path: 'MLmodel' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'Model Version (name=art, version=9) not found' },
    { name: 'path climbing out', send: () => fetchArtifact({ name: 'art', version: '1', path: '../x' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path' },
    { name: 'no name', send: () => fetchArtifact({ version: '1', path: 'MLmodel' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Missing value for required parameter 'name'." },
    { name: 'a presigned URL of a local destination', send: () => fetchArtifact({ name: 'art', version: '2', path: 'sub/w.bin', presigned: 'true' }), status: 501, code: 'NOT_IMPLEMENTED', message: 'Presigned download is not supported for the current artifact repository' },
    { name: 'a missing file', send: () => fetchArtifact({ name: 'art', version: '2', path: 'nope' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: () => `No such artifact: '${runRoot.replace('mlflow-artifacts:/', '')}/model/nope'` },
  ];
  errorTable(cases);

  it('answers Werkzeug’s 400 page without a path', async () => {
    const res = await fetchArtifact({ name: 'art', version: '1' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
