// The mlflow-artifacts proxy over an S3 destination (s3rver, and a real radosgw): file PUT/GET/list/DELETE, mpu.
import { createHash } from 'node:crypto';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachS3Server } from '../support/s3rver.js';
import { inject, startTestApp, type TestApp } from '../support/test-app.js';

const A = '/api/2.0/mlflow-artifacts/artifacts';
const MPU = '/api/2.0/mlflow-artifacts/mpu';
const MIB = 1024 * 1024;
let t: TestApp;

const put = (p: string, body: string | Buffer) =>
  inject(t.app, {
    method: 'PUT',
    url: `${A}/${p}`,
    payload: body,
    headers: { 'content-type': 'application/octet-stream' },
  });
const postJson = (url: string, body: unknown) =>
  inject(t.app, {
    method: 'POST',
    url,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describeEachS3Server('proxy over S3', (s3, kind) => {
  beforeAll(async () => {
    t = await startTestApp({
      artifactsDestination: `s3://${s3().bucket}/dest`,
      enableProxyMultipartUpload: true,
    });
  });
  afterAll(async () => t.close());
  const openUploads = async () =>
    (await s3().client.send(new ListMultipartUploadsCommand({ Bucket: s3().bucket }))).Uploads ?? [];

  it('artifacts/list reads a run whose artifact root is an s3:// URI', async () => {
    const exp = await postJson('/api/2.0/mlflow/experiments/create', {
      name: 's3-exp',
      artifact_location: `s3://${s3().bucket}/dest/s3exp`,
    });
    expect(exp.status).toBe(200);
    const { experiment_id } = exp.json as { experiment_id: string };
    const run = await postJson('/api/2.0/mlflow/runs/create', { experiment_id });
    const info = (run.json as { run: { info: { run_id: string; artifact_uri: string } } }).run.info;
    expect(info.artifact_uri).toBe(`s3://${s3().bucket}/dest/s3exp/${info.run_id}/artifacts`);
    expect((await put(`s3exp/${info.run_id}/artifacts/m/model.pkl`, 'pickle')).status).toBe(200);
    const listed = await inject(t.app, {
      method: 'GET',
      url: '/api/2.0/mlflow/artifacts/list',
      query: { run_id: info.run_id },
    });
    expect(listed.json).toEqual({ root_uri: info.artifact_uri, files: [{ path: 'm', is_dir: true }] });
    const sub = await inject(t.app, {
      method: 'GET',
      url: '/api/2.0/mlflow/artifacts/list',
      query: { run_id: info.run_id, path: 'm' },
    });
    expect((sub.json as { files: unknown[] }).files).toEqual([
      { path: 'm/model.pkl', is_dir: false, file_size: 6 },
    ]);
  });

  it('PUT, GET (whole and ranged), list and DELETE go to the bucket', async () => {
    expect((await put('0/r/artifacts/a.txt', 'hello')).status).toBe(200);
    expect((await put('0/r/artifacts/sub/b.bin', Buffer.from([1, 2, 3]))).status).toBe(200);
    const got = await inject(t.app, { method: 'GET', url: `${A}/0/r/artifacts/a.txt` });
    expect([got.status, got.text, got.headers['content-type'], got.headers['content-length']]).toEqual([
      200,
      'hello',
      'text/plain',
      '5',
    ]);
    const ranged = await inject(t.app, {
      method: 'GET',
      url: `${A}/0/r/artifacts/a.txt`,
      headers: { range: 'bytes=1-2' },
    });
    expect([ranged.status, ranged.text, ranged.headers['content-range']]).toEqual([206, 'el', 'bytes 1-2/5']);
    const listed = await inject(t.app, { method: 'GET', url: A, query: { path: '0/r/artifacts' } });
    expect(listed.json).toEqual({
      files: [
        { path: 'a.txt', is_dir: false, file_size: 5 },
        { path: 'sub', is_dir: true },
      ],
    });
    const missing = await inject(t.app, { method: 'GET', url: `${A}/0/r/artifacts/none.txt` });
    expect(missing.status).toBe(404);
    const dir = await inject(t.app, { method: 'GET', url: `${A}/0/r/artifacts/sub` });
    expect(dir.status).toBe(400);
    expect((await inject(t.app, { method: 'DELETE', url: `${A}/0/r/artifacts/sub` })).json).toEqual({});
    const after = await inject(t.app, { method: 'GET', url: A, query: { path: '0/r/artifacts' } });
    expect(after.json).toEqual({ files: [{ path: 'a.txt', is_dir: false, file_size: 5 }] });
  });

  it('server-info advertises multipart uploads for an S3 destination when opted in', async () => {
    const info = await inject(t.app, { method: 'GET', url: '/api/3.0/mlflow/server-info' });
    expect(info.json).toMatchObject({ multipart_uploads_enabled: true, multipart_downloads_enabled: false });
  });

  it('mpu create → parts PUT to presigned URLs → complete, then the file downloads through the proxy', async () => {
    const data = Buffer.alloc(12 * MIB);
    for (let i = 0; i < data.length; i += 512) data[i] = (i >> 9) & 0xff;
    // A pre-3.18 client sends its local path; only the basename counts.
    const created = await postJson(`${MPU}/create/0/r/artifacts/models`, {
      path: '/tmp/x/big.bin',
      num_parts: 3,
    });
    expect(created.status).toBe(200);
    const body = created.json as {
      upload_id: string;
      credentials: { url: string; part_number: number; headers?: unknown }[];
    };
    expect(Object.keys(body)).toEqual(['upload_id', 'credentials']);
    expect(body.credentials.map((c) => [c.part_number, c.headers])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, undefined],
    ]);
    const parts = [];
    for (const c of body.credentials) {
      const start = (c.part_number - 1) * 5 * MIB;
      const res = await fetch(c.url, { method: 'PUT', body: data.subarray(start, start + 5 * MIB) });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toMatch(/^"?[0-9a-f]{32}"?$/);
      parts.push({ part_number: c.part_number, etag: res.headers.get('etag') ?? '', url: c.url });
    }
    const done = await postJson(`${MPU}/complete/0/r/artifacts/models`, {
      path: 'big.bin',
      upload_id: body.upload_id,
      parts,
    });
    expect([done.status, done.json]).toEqual([200, {}]);
    const got = await t.app.inject({ method: 'GET', url: `${A}/0/r/artifacts/models/big.bin` });
    expect(got.statusCode).toBe(200);
    expect(sha(got.rawPayload)).toBe(sha(data));
    if (kind === 'radosgw') expect(await openUploads()).toEqual([]);
  });

  it.runIf(kind === 'radosgw')(
    'mpu abort drops the upload in the store; the file never appears',
    async () => {
      const created = await postJson(`${MPU}/create/0/r/artifacts/models`, {
        path: 'gone.bin',
        num_parts: 2,
      });
      expect(created.status).toBe(200);
      const body = created.json as { upload_id: string; credentials: { url: string }[] };
      const part = await fetch(body.credentials[0]?.url ?? '', {
        method: 'PUT',
        body: Buffer.alloc(5 * MIB, 3),
      });
      expect(part.status).toBe(200);
      expect((await openUploads()).map((u) => u.Key)).toEqual(['dest/0/r/artifacts/models/gone.bin']);
      const aborted = await postJson(`${MPU}/abort/0/r/artifacts/models`, {
        path: 'gone.bin',
        upload_id: body.upload_id,
      });
      expect([aborted.status, aborted.json]).toEqual([200, {}]);
      expect(await openUploads()).toEqual([]);
      const got = await inject(t.app, { method: 'GET', url: `${A}/0/r/artifacts/models/gone.bin` });
      expect(got.status).toBe(404);
    },
  );

  it('mpu refuses a file name that decodes to a parent reference', async () => {
    const res = await postJson(`${MPU}/create/0/r`, { path: 'C:..', num_parts: 1 });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE', message: 'Invalid path' });
  });
});
