// API tests of the mlflow-artifacts proxy: file GET/PUT/DELETE, listing, multipart 501, gating, path safety.
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorTable, inject, startTestApp, type ErrorCase, type TestApp } from '../support/test-app.js';

let t: TestApp;
const A = '/api/2.0/mlflow-artifacts/artifacts';

beforeAll(async () => {
  t = await startTestApp();
  await mkdir(t.config.artifactsDestination, { recursive: true });
  await mkdir(path.join(t.dir, 'outside'));
  await writeFile(path.join(t.dir, 'outside', 'secret.txt'), 'secret');
  await symlink(path.join(t.dir, 'outside'), path.join(t.config.artifactsDestination, 'link'));
});
afterAll(async () => t.close());

const put = (p: string, body: string | Buffer, type = 'application/octet-stream') =>
  inject(t.app, { method: 'PUT', url: `${A}/${p}`, payload: body, headers: { 'content-type': type } });

describe('proxy: ok', () => {
  it('PUT streams the body to the destination and answers an empty 200', async () => {
    const res = await put('d/a.txt', 'hello', 'text/plain');
    expect({ status: res.status, text: res.text, type: res.headers['content-type'] }).toEqual({
      status: 200,
      text: '',
      type: undefined,
    });
    expect(await readFile(path.join(t.config.artifactsDestination, 'd', 'a.txt'), 'utf8')).toBe('hello');
    expect((await put('d/sub/b.png', Buffer.from([1, 2, 3]))).status).toBe(200);
    expect((await put('d/form.bin', 'a=b', 'application/x-www-form-urlencoded')).status).toBe(200);
    expect((await inject(t.app, { method: 'PUT', url: `${A}/d/empty.bin` })).status).toBe(200);
    expect((await readdir(path.join(t.config.artifactsDestination, 'd'))).sort()).toEqual([
      'a.txt',
      'empty.bin',
      'form.bin',
      'sub',
    ]);
  });

  it('GET sends the file as an attachment with MLflow headers, on /api and /ajax-api', async () => {
    for (const base of [A, '/ajax-api/2.0/mlflow-artifacts/artifacts']) {
      const res = await inject(t.app, { method: 'GET', url: `${base}/d/a.txt` });
      expect(res.status).toBe(200);
      expect(res.text).toBe('hello');
      expect(res.headers).toMatchObject({
        'content-type': 'text/plain',
        'content-disposition': 'attachment; filename=a.txt',
        'x-content-type-options': 'nosniff',
        'accept-ranges': 'bytes',
        'content-length': '5',
      });
      expect(res.headers['last-modified']).toBeDefined();
    }
    const png = await inject(t.app, { method: 'GET', url: `${A}/d/sub/b.png` });
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('GET honours a byte range with 206, and 416 beyond the end', async () => {
    const res = await inject(t.app, { method: 'GET', url: `${A}/d/a.txt`, headers: { range: 'bytes=1-2' } });
    expect([res.status, res.text, res.headers['content-range']]).toEqual([206, 'el', 'bytes 1-2/5']);
    const bad = await inject(t.app, { method: 'GET', url: `${A}/d/a.txt`, headers: { range: 'bytes=9-' } });
    expect([bad.status, bad.headers['content-range']]).toEqual([416, 'bytes */5']);
  });

  it('lists one level by basename, the root without a path, {} for nothing', async () => {
    const res = await inject(t.app, { method: 'GET', url: A, query: { path: 'd' } });
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json).toEqual({
      files: [
        { path: 'a.txt', is_dir: false, file_size: 5 },
        { path: 'empty.bin', is_dir: false, file_size: 0 },
        { path: 'form.bin', is_dir: false, file_size: 3 },
        { path: 'sub', is_dir: true },
      ],
    });
    const root = await inject(t.app, { method: 'GET', url: A });
    expect((root.json as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['d', 'link']);
    expect((await inject(t.app, { method: 'GET', url: A, query: { path: 'nope' } })).json).toEqual({});
  });

  it('DELETE removes a tree and answers {}; a missing path is fine too', async () => {
    await put('gone/x/y.txt', 'y');
    const res = await inject(t.app, { method: 'DELETE', url: `${A}/gone` });
    expect([res.status, res.text]).toEqual([200, '{}']);
    expect((await inject(t.app, { method: 'GET', url: A, query: { path: 'gone' } })).json).toEqual({});
    expect((await inject(t.app, { method: 'DELETE', url: `${A}/gone` })).status).toBe(200);
  });

  it('sends non-ASCII names with an RFC 5987 filename*', async () => {
    await put('d/résumé.txt', 'r');
    const res = await inject(t.app, { method: 'GET', url: `${A}/d/r%C3%A9sum%C3%A9.txt` });
    expect(res.headers['content-disposition']).toBe(
      "attachment; filename=resume.txt; filename*=UTF-8''r%C3%A9sum%C3%A9.txt",
    );
  });
});

const json = (action: string, body: unknown) => () =>
  inject(t.app, {
    method: 'POST',
    url: `/api/2.0/mlflow-artifacts/mpu/${action}/d`,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
const MPU = 'Multipart upload is not supported for the current artifact repository';
const INVALID = { status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path' };

describe('proxy: errors', () => {
  // prettier-ignore
  const cases: ErrorCase[] = [
    { name: 'GET a missing file', send: () => inject(t.app, { method: 'GET', url: `${A}/d/zz.txt` }), status: 404, code: 'RESOURCE_DOES_NOT_EXIST', message: "No such artifact: 'd/zz.txt'" },
    // inject() resolves a literal %2E%2E segment as WHATWG URLs do; the double-encoded one survives.
    { name: 'GET double-encoded ../', send: () => inject(t.app, { method: 'GET', url: `${A}/a/%252E%252E/x` }), ...INVALID },
    { name: 'PUT a#b', send: () => put('a%23b', 'x'), ...INVALID },
    { name: 'PUT double-encoded ..', send: () => put('%252E%252E/x', 'x'), ...INVALID },
    { name: 'list ../x', send: () => inject(t.app, { method: 'GET', url: A, query: { path: '../x' } }), ...INVALID },
    { name: 'list /abs', send: () => inject(t.app, { method: 'GET', url: A, query: { path: '/etc' } }), ...INVALID },
    { name: 'DELETE C:\\x', send: () => inject(t.app, { method: 'DELETE', url: `${A}/C:%5Cx` }), ...INVALID },
    { name: 'DELETE . (the whole destination)', send: () => inject(t.app, { method: 'DELETE', url: `${A}/.` }), ...INVALID },
    { name: 'GET through a symlink out', send: () => inject(t.app, { method: 'GET', url: `${A}/link/secret.txt` }), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path: resolved path is outside the artifact directory' },
    { name: 'PUT through a symlink out', send: () => put('link/new.txt', 'x'), status: 400, code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path: resolved path is outside the artifact directory' },
    { name: 'mpu create', send: json('create', { path: 'f.bin', num_parts: 2 }), status: 501, code: 'NOT_IMPLEMENTED', message: MPU },
    { name: 'mpu complete', send: json('complete', { path: 'f.bin', upload_id: 'u', parts: [] }), status: 501, code: 'NOT_IMPLEMENTED', message: MPU },
    { name: 'mpu abort', send: json('abort', { path: 'f.bin', upload_id: 'u' }), status: 501, code: 'NOT_IMPLEMENTED', message: MPU },
    { name: 'mpu create without path', send: json('create', {}), status: 400, code: 'INVALID_PARAMETER_VALUE', message: "Missing value for required parameter 'path'. See the API docs for more information about request parameters." },
  ];
  errorTable(cases);

  it.each([
    ['GET a directory', 'GET', `${A}/d`, { detail: "Artifact path refers to a directory, not a file: 'd'" }],
    [
      'PUT a path ending in /',
      'PUT',
      `${A}/d/`,
      { detail: "Artifact path must include a filename (cannot end with '/')." },
    ],
  ] as const)('%s → 400 {detail}', async (_name, method, url, body) => {
    const res = await inject(t.app, { method, url, payload: method === 'PUT' ? 'x' : undefined });
    expect({ status: res.status, body: res.json, type: res.headers['content-type'] }).toEqual({
      status: 400,
      body,
      type: 'application/json',
    });
  });
});

describe('gating', () => {
  it('--no-serve-artifacts: streaming routes answer JSON detail, Flask routes the rule text', async () => {
    const off = await startTestApp({ serveArtifacts: false });
    try {
      const file = await inject(off.app, { method: 'GET', url: `${A}/a.txt` });
      expect({ status: file.status, body: file.json }).toEqual({
        status: 503,
        body: {
          detail: 'Artifact serving is disabled. Run `mlflow server` with `--serve-artifacts` to enable.',
        },
      });
      expect((await inject(off.app, { method: 'PUT', url: `${A}/a.txt`, payload: 'x' })).status).toBe(503);
      const rule = (r: string) =>
        `Endpoint: ${r} disabled due to the mlflow server running with \`--no-serve-artifacts\`. ` +
        'To enable artifacts server functionality, run `mlflow server` with `--serve-artifacts`';
      const cases: [string, string, string][] = [
        ['GET', A, A],
        ['DELETE', `${A}/d`, `${A}/<path:artifact_path>`],
        [
          'POST',
          '/ajax-api/2.0/mlflow-artifacts/mpu/abort/d',
          '/ajax-api/2.0/mlflow-artifacts/mpu/abort/<path:artifact_path>',
        ],
      ];
      for (const [method, url, r] of cases) {
        const res = await inject(off.app, { method: method as 'GET', url });
        expect({ status: res.status, text: res.text, type: res.headers['content-type'] }).toEqual({
          status: 503,
          text: rule(r),
          type: 'text/html; charset=utf-8',
        });
      }
    } finally {
      await off.close();
    }
  });

  it('--static-prefix: file routes also unprefixed, listing only prefixed', async () => {
    const pre = await startTestApp({ staticPrefix: '/mlflow' });
    try {
      expect((await inject(pre.app, { method: 'PUT', url: `${A}/p.txt`, payload: 'p' })).status).toBe(200);
      expect((await inject(pre.app, { method: 'GET', url: `/mlflow${A}/p.txt` })).text).toBe('p');
      expect((await inject(pre.app, { method: 'GET', url: `/mlflow${A}` })).json).toEqual({
        files: [{ path: 'p.txt', is_dir: false, file_size: 1 }],
      });
      expect((await inject(pre.app, { method: 'GET', url: A })).status).toBe(404);
    } finally {
      await pre.close();
    }
  });
});
