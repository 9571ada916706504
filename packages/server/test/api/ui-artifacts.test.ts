// API tests of the UI artifact routes: GET /get-artifact and POST /ajax-api/2.0/mlflow/upload-artifact.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorTable, inject, post, startTestApp, type ErrorCase, type TestApp } from '../support/test-app.js';

let t: TestApp;
let runId: string;
let localRun: string;
let localRoot: string;
const UPLOAD = '/ajax-api/2.0/mlflow/upload-artifact';

async function newRun(experimentId: string): Promise<string> {
  const res = await post(t.app, '/runs/create', { experiment_id: experimentId });
  return (res.json as { run: { info: { run_id: string } } }).run.info.run_id;
}

const upload = (
  query: Record<string, string>,
  payload?: string | Buffer,
  type = 'application/octet-stream',
) => inject(t.app, { method: 'POST', url: UPLOAD, query, payload, headers: { 'content-type': type } });
const getArtifact = (query: Record<string, string>) =>
  inject(t.app, { method: 'GET', url: '/get-artifact', query });

beforeAll(async () => {
  t = await startTestApp();
  runId = await newRun('0');
  localRoot = path.join(t.dir, 'local-exp');
  await mkdir(localRoot);
  const exp = await post(t.app, '/experiments/create', {
    name: 'local',
    artifact_location: `file://${localRoot}`,
  });
  localRun = await newRun((exp.json as { experiment_id: string }).experiment_id);
});
afterAll(async () => t.close());

describe('upload-artifact and get-artifact: ok', () => {
  it('uploads into the proxied run root and downloads it back with Flask headers', async () => {
    const res = await upload({ run_uuid: runId, path: 'u/x.txt' }, 'abc');
    expect([res.status, res.text, res.headers['content-type']]).toEqual([200, '', 'application/json']);
    const file = path.join(t.config.artifactsDestination, '0', runId, 'artifacts', 'u', 'x.txt');
    expect(await readFile(file, 'utf8')).toBe('abc');
    const got = await getArtifact({ run_uuid: runId, path: 'u/x.txt' });
    expect(got.text).toBe('abc');
    expect(got.headers).toMatchObject({
      'content-type': 'text/plain',
      'content-disposition': 'attachment; filename=x.txt',
      'cache-control': 'no-cache',
      'content-length': '3',
    });
  });

  it('works for a run stored at a local file: location, by run_id', async () => {
    expect((await upload({ run_id: localRun, path: 'l.bin' }, 'L')).status).toBe(200);
    expect(await readFile(path.join(localRoot, localRun, 'artifacts', 'l.bin'), 'utf8')).toBe('L');
    expect((await getArtifact({ run_id: localRun, path: 'l.bin' })).text).toBe('L');
  });
});

describe('upload-artifact and get-artifact: errors', () => {
  const bad = (message: string) => ({ status: 400, code: 'INVALID_PARAMETER_VALUE', message });
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'upload without run', send: () => upload({ path: 'x' }, 'a'), ...bad('Request must specify run_id or run_uuid.') },
    { name: 'upload without path', send: () => upload({ run_uuid: runId }, 'a'), ...bad('Request must specify path.') },
    { name: 'upload unsafe path', send: () => upload({ run_uuid: runId, path: '../x' }, 'a'), ...bad('Invalid path') },
    { name: 'upload without data', send: () => upload({ run_uuid: runId, path: 'x' }), ...bad('Request must specify data.') },
    { name: 'upload a form body (Flask reads it as no data)', send: () => upload({ run_uuid: runId, path: 'x' }, 'a=b', 'application/x-www-form-urlencoded'), ...bad('Request must specify data.') },
    { name: 'upload over 10 MB', send: () => upload({ run_uuid: runId, path: 'big' }, Buffer.alloc(10 * 1024 * 1024 + 1)), ...bad('Artifact size is too large. Max size is 10MB.') },
    { name: 'upload to an unknown run', send: () => upload({ run_uuid: 'nope', path: 'x' }, 'a'), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=nope not found' },
    { name: 'get a directory', send: () => getArtifact({ run_uuid: runId, path: 'u' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: () => `Artifact path refers to a directory, not a file: '0/${runId}/artifacts/u'` },
    { name: 'get a missing file', send: () => getArtifact({ run_uuid: runId, path: 'u/none' }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: () => `No such artifact: '0/${runId}/artifacts/u/none'` },
    { name: 'get an unsafe path', send: () => getArtifact({ run_uuid: runId, path: '/etc/passwd' }), ...bad('Invalid path') },
  ];
  errorTable(cases);

  it('get-artifact without path answers Werkzeug 400 page', async () => {
    const res = await getArtifact({ run_uuid: runId });
    expect([res.status, res.headers['content-type']]).toEqual([400, 'text/html; charset=utf-8']);
    expect(res.text).toContain('<title>400 Bad Request</title>');
  });

  it('--artifacts-only disables both with the tracking 503', async () => {
    const only = await startTestApp({ artifactsOnly: true });
    try {
      const res = await inject(only.app, {
        method: 'GET',
        url: '/get-artifact',
        query: { run_id: 'r', path: 'x' },
      });
      const text = (rule: string): string =>
        `Endpoint: ${rule} disabled due to the mlflow server running in \`--artifacts-only\` mode. ` +
        'To enable tracking server functionality, run `mlflow server` without `--artifacts-only`';
      expect([res.status, res.text]).toEqual([503, text('/get-artifact')]);
      const up = await inject(only.app, { method: 'POST', url: UPLOAD, payload: 'x' });
      expect([up.status, up.text]).toEqual([503, text(UPLOAD)]);
      expect(
        (
          await inject(only.app, {
            method: 'PUT',
            url: '/api/2.0/mlflow-artifacts/artifacts/a.txt',
            payload: 'x',
          })
        ).status,
      ).toBe(200);
    } finally {
      await only.close();
    }
  });
});
