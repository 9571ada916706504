// API tests of a logged model's artifacts: directory listings (proto RPC) and the UI's single-file download.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorTable,
  get,
  inject,
  post,
  startTestApp,
  type ApiResponse,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
let exp = '';
let id = '';
let repoPath = '';

beforeAll(async () => {
  t = await startTestApp();
  exp = ((await post(t.app, '/experiments/create', { name: 'lm-art' })).json as { experiment_id: string })
    .experiment_id;
  id = (
    (await post(t.app, '/logged-models', { experiment_id: exp })).json as {
      model: { info: { model_id: string } };
    }
  ).model.info.model_id;
  // The model's root mlflow-artifacts:/<exp>/models/<id>/artifacts lives under the destination.
  repoPath = `${exp}/models/${id}/artifacts`;
  const root = path.join(t.config.artifactsDestination, repoPath);
  await mkdir(path.join(root, 'sub'), { recursive: true });
  await writeFile(path.join(root, 'MLmodel'), 'x');
  await writeFile(path.join(root, 'sub', 'w.txt'), 'weights');
});
afterAll(async () => t.close());

const list = (query: Record<string, string> = {}): Promise<ApiResponse> =>
  get(t.app, `/logged-models/${id}/artifacts/directories`, query);
const file = (query: Record<string, string>, modelId = id, prefix = 'ajax-api'): Promise<ApiResponse> =>
  inject(t.app, {
    method: 'GET',
    url: `/${prefix}/2.0/mlflow/logged-models/${modelId}/artifacts/files`,
    query,
  });

describe('logged model artifacts: ok', () => {
  it('lists the root (also for an empty directory argument) and a sub-directory', async () => {
    const root = { root_uri: `mlflow-artifacts:/${repoPath}` };
    const top = {
      ...root,
      files: [
        { path: 'MLmodel', is_dir: false, file_size: 1 },
        { path: 'sub', is_dir: true },
      ],
    };
    expect((await list()).json).toEqual(top);
    expect((await list({ artifact_directory_path: '' })).json).toEqual(top);
    expect((await list({ artifact_directory_path: 'sub' })).json).toEqual({
      ...root,
      files: [{ path: 'sub/w.txt', is_dir: false, file_size: 7 }],
    });
    expect((await list({ artifact_directory_path: 'nope' })).json).toEqual(root);
    expect((await list({ artifact_directory_path: 'sub/w.txt' })).json).toEqual(root);
  });

  it('sends one file as an attachment', async () => {
    const res = await file({ artifact_file_path: 'sub/w.txt' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('weights');
    expect(res.headers['content-disposition']).toBe('attachment; filename=w.txt');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('is served under /ajax-api only', async () => {
    expect((await file({ artifact_file_path: 'MLmodel' }, id, 'api')).status).toBe(404);
  });
});

describe('logged model artifacts: errors', () => {
  const notFound = "Logged model with ID 'm-nope' not found.";
  const needPath = 'Request must include the "artifact_file_path" query parameter.';
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'list an unsafe path', send: () => list({ artifact_directory_path: '../x' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path' },
    { name: 'list an absolute path', send: () => list({ artifact_directory_path: '/abs' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path' },
    { name: 'list an unknown model', send: () => get(t.app, '/logged-models/m-nope/artifacts/directories'), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: notFound },
    { name: 'file without a path', send: () => file({}), status: 400, code: 'BAD_REQUEST', message: needPath },
    { name: 'file with an empty path', send: () => file({ artifact_file_path: '' }), status: 400, code: 'BAD_REQUEST', message: needPath },
    { name: 'file with an unsafe path', send: () => file({ artifact_file_path: '../x' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path' },
    { name: 'file of an unknown model', send: () => file({ artifact_file_path: 'MLmodel' }, 'm-nope'), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: notFound },
    { name: 'a missing file', send: () => file({ artifact_file_path: 'nope.txt' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: () => `No such artifact: '${repoPath}/nope.txt'` },
    { name: 'a directory', send: () => file({ artifact_file_path: 'sub' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: () => `Artifact path refers to a directory, not a file: '${repoPath}/sub'` },
    { name: 'a presigned download', send: () => file({ artifact_file_path: 'MLmodel', presigned: 'true' }), status: 501, code: 'NOT_IMPLEMENTED', message: 'Presigned download is not supported for the current artifact repository' },
  ];
  errorTable(cases);
});
