// API tests of artifacts/list for runs: proxied (mlflow-artifacts:) and local roots, and path safety.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorTable,
  get,
  missing,
  post,
  startTestApp,
  type ErrorCase,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
/** A run in experiment 0, whose root is mlflow-artifacts:/0/<id>/artifacts. */
let proxiedRun: string;
/** A run in an experiment located at a file:// URI. */
let localRun: string;
let localRoot: string;

async function newRun(experimentId: string): Promise<{ id: string; uri: string }> {
  const res = await post(t.app, '/runs/create', { experiment_id: experimentId, start_time: 1 });
  const info = (res.json as { run: { info: { run_id: string; artifact_uri: string } } }).run.info;
  return { id: info.run_id, uri: info.artifact_uri };
}

async function writeTree(root: string): Promise<void> {
  await mkdir(path.join(root, 'dir'), { recursive: true });
  await writeFile(path.join(root, 'top.txt'), 'x');
  await writeFile(path.join(root, 'dir', 'a.txt'), 'hello');
  await writeFile(path.join(root, '.artifact.uploading.tmp'), 'partial');
}

beforeAll(async () => {
  t = await startTestApp();
  proxiedRun = (await newRun('0')).id;
  await writeTree(path.join(t.config.artifactsDestination, '0', proxiedRun, 'artifacts'));
  const location = `file://${path.join(t.dir, 'local-exp')}`;
  const exp = await post(t.app, '/experiments/create', { name: 'local', artifact_location: location });
  const run = await newRun((exp.json as { experiment_id: string }).experiment_id);
  localRun = run.id;
  localRoot = path.join(t.dir, 'local-exp', localRun, 'artifacts');
  await writeTree(localRoot);
  await symlink(t.dir, path.join(localRoot, 'escape'));
});
afterAll(async () => t.close());

const list = (runId: string, extra: Record<string, string> = {}) =>
  get(t.app, '/artifacts/list', { run_id: runId, ...extra });

describe('artifacts/list: ok', () => {
  it('lists the root of a proxied run from the artifacts destination', async () => {
    const res = await list(proxiedRun);
    expect(res.json).toEqual({
      root_uri: `mlflow-artifacts:/0/${proxiedRun}/artifacts`,
      files: [
        { path: 'dir', is_dir: true },
        { path: 'top.txt', is_dir: false, file_size: 1 },
      ],
    });
  });

  it.each([
    ['dir', 'dir/a.txt'],
    ['dir/', 'dir/a.txt'],
    ['./dir', './dir/a.txt'],
  ])('includes the requested prefix %j as given: %j', async (prefix, expected) => {
    const res = await list(proxiedRun, { path: prefix });
    expect((res.json as { files: unknown[] }).files).toEqual([
      { path: expected, is_dir: false, file_size: 5 },
    ]);
  });

  it('lists the root for an empty path, nothing for a file or a missing dir', async () => {
    expect(((await list(proxiedRun, { path: '' })).json as { files: unknown[] }).files).toHaveLength(2);
    expect((await list(proxiedRun, { path: 'dir/a.txt' })).json).toEqual({
      root_uri: `mlflow-artifacts:/0/${proxiedRun}/artifacts`,
    });
    expect((await list(proxiedRun, { path: 'nothing' })).json).toEqual({
      root_uri: `mlflow-artifacts:/0/${proxiedRun}/artifacts`,
    });
  });

  it('lists a run whose root is a local file:// location, by run_uuid too', async () => {
    const res = await get(t.app, '/artifacts/list', { run_uuid: localRun, path: 'dir' });
    expect(res.json).toEqual({
      root_uri: `file://${localRoot}`,
      files: [{ path: 'dir/a.txt', is_dir: false, file_size: 5 }],
    });
  });
});

describe('artifacts/list: errors', () => {
  const invalid = (p: string): ErrorCase => ({
    name: `unsafe path ${JSON.stringify(p)}`,
    send: () => list(proxiedRun, { path: p }),
    status: 400,
    code: 'INVALID_PARAMETER_VALUE',
    message: 'Invalid path',
  });
  // One row per case: the table reads better unwrapped.
  // prettier-ignore
  const cases: ErrorCase[] = [
    invalid('../x'),
    invalid('/abs'),
    invalid('a/../../x'),
    invalid('a%2F..%2F..%2Fx'),
    invalid('%252E%252E/x'),
    invalid('dir#frag'),
    invalid('C:\\windows'),
    invalid('file:///etc'),
    { name: 'an unknown run', send: () => list('nope'), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=nope not found' },
    { name: 'no run_id', send: () => get(t.app, '/artifacts/list'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: missing('run_id') },
    { name: 'a symlink out of the artifact directory', send: () => list(localRun, { path: 'escape' }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path: resolved path is outside the artifact directory' },
  ];
  errorTable(cases);
});
