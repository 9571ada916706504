// The proxy over a real socket: a dropped upload leaves no file, and 200 MB pass with bounded memory.
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let base: string;
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/2.0/mlflow-artifacts/artifacts`;
});
afterAll(async () => t.close());

/** `count` MB of varied bytes, generated on demand so the test itself holds almost nothing. */
function megabytes(count: number): Readable {
  const block = Buffer.alloc(MB);
  for (let i = 0; i < MB; i += 1) block[i] = (i * 31) & 0xff;
  return Readable.from(
    (function* () {
      for (let i = 0; i < count; i += 1) {
        block[0] = i & 0xff;
        yield Buffer.from(block);
      }
    })(),
  );
}

function request(method: string, url: string, body?: Readable): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: { 'content-type': 'application/octet-stream' } },
      resolve,
    );
    req.on('error', reject);
    if (body === undefined) req.end();
    else pipeline(body, req).catch(reject);
  });
}

async function sha256Of(stream: Readable): Promise<{ hash: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { hash: h.digest('hex'), size };
}

describe('proxy streaming', () => {
  it('an upload dropped mid-body leaves neither the file nor a staging file', async () => {
    const dir = path.join(t.config.artifactsDestination, 'drop');
    let during: string[] = [];
    await new Promise<void>((resolve) => {
      const req = http.request(`${base}/drop/half.bin`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(10 * MB) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(Buffer.alloc(MB, 1), () => {
        setTimeout(() => {
          void readdir(dir).then((names) => {
            during = names;
            req.destroy();
          });
        }, 100);
      });
    });
    // The write had started: only a staging name existed while the body was incomplete.
    expect(during).toEqual([expect.stringMatching(/^\.artifact\.uploading\./)]);
    // The server notices the reset asynchronously; give it a moment to clean up.
    for (let i = 0; i < 50; i += 1) {
      const names = await readdir(dir).catch(() => []);
      if (names.length === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('200 MB up and down: equal bytes, RSS growth under 64 MB', async () => {
    const expected = await sha256Of(megabytes(200));
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    try {
      const up = await request('PUT', `${base}/big/file.bin`, megabytes(200));
      up.resume();
      expect(up.statusCode).toBe(200);
      const down = await request('GET', `${base}/big/file.bin`);
      expect(down.statusCode).toBe(200);
      expect(down.headers['content-length']).toBe(String(200 * MB));
      expect(await sha256Of(down)).toEqual(expected);
    } finally {
      clearInterval(sample);
    }
    const growthMb = (peak - before) / MB;
    console.log(`proxy 200 MB round trip: peak RSS growth ${growthMb.toFixed(1)} MB`);
    expect(growthMb).toBeLessThan(64);
  });
});
