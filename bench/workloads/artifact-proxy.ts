// W6: upload then download one file through the artifact proxy (PUT/GET /api/2.0/mlflow-artifacts/artifacts/<path>).
import {
  createReadStream,
  createWriteStream,
  existsSync,
  statSync,
  writeFileSync,
  appendFileSync,
  rmSync,
} from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { samplePeakRss, treeRssKb } from '../process-rss.js';
import type { Workload } from '../workload.js';

const MiB = 1024 * 1024;

/** A file of `bytes` bytes in dir, written once per bench run (1 MiB of random bytes repeated). */
function blobFile(dir: string, bytes: number): string {
  const path = join(dir, `blob-${bytes}.bin`);
  if (existsSync(path) && statSync(path).size === bytes) return path;
  const chunk = randomBytes(MiB);
  writeFileSync(path, Buffer.alloc(0));
  for (let left = bytes; left > 0; left -= MiB)
    appendFileSync(path, left >= MiB ? chunk : chunk.subarray(0, left));
  return path;
}

function upload(url: string, file: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

function download(url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET' }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * MB/s of a plain streamed copy of `file` on the same disk: the bar the proxy is held to (≥ 80% of it).
 * A fair bar: it reads the same file with the same default 64 KiB chunks as the upload client, and
 * writes into the same file system as the server's artifact root; the download client writes nothing.
 */
async function plainCopyMBps(file: string, bytes: number, workDir: string): Promise<number> {
  const dest = join(workDir, 'plain-copy.bin');
  const started = performance.now();
  await pipeline(createReadStream(file), createWriteStream(dest));
  const sec = (performance.now() - started) / 1000;
  rmSync(dest, { force: true });
  return bytes / 1e6 / sec;
}

export const artifactProxy: Workload = {
  id: 6,
  title: 'artifact upload + download through the proxy',
  shape: (size) => `one file of ${size.artifactBytes / MiB} MiB, streamed by node:http, 1 client`,
  measures: [
    { key: 'uploadMBps', label: 'upload', unit: 'MB/s', better: 'higher' },
    { key: 'downloadMBps', label: 'download', unit: 'MB/s', better: 'higher' },
    { key: 'rssGrowthMiB', label: 'peak RSS growth', unit: 'MiB', better: 'lower', floor: 1 },
    { key: 'uploadPctOfCopy', label: 'upload vs plain copy', unit: '%', better: 'higher' },
    { key: 'downloadPctOfCopy', label: 'download vs plain copy', unit: '%', better: 'higher' },
  ],
  // The proxy of mlflow-ts is being built; until it answers, ours reports n/a.
  mayBeNa: (kind) => kind === 'mlflow-ts',
  run: async ({ server, size, rep, workDir }) => {
    const root = `${server.baseUrl}/api/2.0/mlflow-artifacts/artifacts/bench/rep-${rep}`;
    // A one-byte probe first: without the proxy route a big body may be refused (413) before routing (404).
    const probe = await upload(`${root}/probe.txt`, blobFile(workDir, 1), 1);
    if ((probe.status === 404 || probe.status === 501) && server.kind === 'mlflow-ts') return 'n/a';
    const file = blobFile(workDir, size.artifactBytes);
    const url = `${root}/blob.bin`;
    // Measured in the same repetition, just before, so both see the same disk and page cache state.
    const copyMBps = await plainCopyMBps(file, size.artifactBytes, workDir);
    const baseline = treeRssKb(server.pid);
    const sampler = samplePeakRss(server.pid);
    try {
      let started = performance.now();
      const up = await upload(url, file, size.artifactBytes);
      const upSec = (performance.now() - started) / 1000;
      if (up.status !== 200) throw new Error(`artifact PUT → ${up.status}: ${up.body.slice(0, 300)}`);
      started = performance.now();
      const down = await download(url);
      const downSec = (performance.now() - started) / 1000;
      if (down.status !== 200 || down.bytes !== size.artifactBytes) {
        throw new Error(`artifact GET → ${down.status}, ${down.bytes} of ${size.artifactBytes} bytes`);
      }
      const mb = size.artifactBytes / 1e6;
      return {
        uploadMBps: mb / upSec,
        downloadMBps: mb / downSec,
        uploadPctOfCopy: (100 * mb) / upSec / copyMBps,
        downloadPctOfCopy: (100 * mb) / downSec / copyMBps,
        rssGrowthMiB: Math.max(0, sampler.stop() - baseline) / 1024,
      };
    } finally {
      sampler.stop();
    }
  },
};
