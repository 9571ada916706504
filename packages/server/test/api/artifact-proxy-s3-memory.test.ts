// A 200 MB upload streamed through the proxy into an S3 destination keeps RSS growth < 64 MB (radosgw, out of process).
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachS3Server } from '../support/s3rver.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MIB = 1024 * 1024;
const TOTAL = 200 * MIB;
let t: TestApp;
let base: string;

/** The collector, exposed at runtime (the forks pool starts workers without --expose-gc). */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** `total` bytes generated 1 MiB at a time, reusing one buffer, so the test itself holds almost nothing. */
function generated(total: number): Readable {
  const chunk = Buffer.alloc(MIB, 0x5a);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      sent += MIB;
      this.push(chunk);
    },
  });
}

function putStream(path: string, total: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/2.0/mlflow-artifacts/artifacts/${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(total) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    pipeline(generated(total), req).catch(reject);
  });
}

describeEachS3Server('proxy over S3: memory', (s3, kind) => {
  beforeAll(async () => {
    t = await startTestApp({ artifactsDestination: `s3://${s3().bucket}/dest` });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => t.close());

  it('a 200 MB PUT grows RSS by less than 64 MB (proxy alone) and lands whole in the bucket', async () => {
    // Warm up first: loading the SDK and lib-storage on the first S3 call is not per-upload memory.
    expect(await putStream('mem/warm.bin', MIB)).toBe(200);
    const gc = exposeGc();
    gc();
    const before = process.memoryUsage().rss;
    let peak = before;
    let tick = 0;
    const sampler = setInterval(() => {
      // V8 frees Buffers lazily (external memory only nudges the GC), so without a collection now
      // and then RSS would measure garbage not yet collected rather than what the upload holds.
      if (++tick % 10 === 0) gc();
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      expect(await putStream('mem/big.bin', TOTAL)).toBe(200);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    // radosgw runs in its own process, so this process's RSS is the proxy's alone: the 64 MB budget.
    // s3rver runs inside this process and holds its own request buffers (seen at 70 MB under CI load),
    // so with it the check is only that the 200 MB body is never held whole.
    expect(peak - before).toBeLessThan((kind === 'radosgw' ? 64 : 128) * MIB);
    const stat = await t.app.inject({ method: 'GET', url: '/api/2.0/mlflow-artifacts/artifacts?path=mem' });
    expect(JSON.parse(stat.body)).toEqual({
      files: [
        { path: 'big.bin', is_dir: false, file_size: TOTAL },
        { path: 'warm.bin', is_dir: false, file_size: MIB },
      ],
    });
  });

  it('a client dropping mid-upload (after two parts) leaves no object under the key', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${base}/api/2.0/mlflow-artifacts/artifacts/mem/dropped.bin`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(TOTAL) },
      });
      req.on('error', () => resolve());
      let sent = 0;
      const chunk = Buffer.alloc(MIB, 1);
      const pump = (): void => {
        while (sent < 12 * MIB) {
          sent += MIB;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 200);
      };
      pump();
    });
    await new Promise((r) => setTimeout(r, 500));
    const listed = await t.app.inject({ method: 'GET', url: '/api/2.0/mlflow-artifacts/artifacts?path=mem' });
    const names = (JSON.parse(listed.body) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(names).not.toContain('dropped.bin');
    // The streamed multipart upload was aborted, not left holding parts (s3rver cannot abort, so radosgw only).
    if (kind === 'radosgw') {
      const open = await s3().client.send(new ListMultipartUploadsCommand({ Bucket: s3().bucket }));
      expect(open.Uploads ?? []).toEqual([]);
    }
  });
});
