// Artifacts through the server's proxy: files, directories, text/dict/table/image logging, streamed downloads.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MlflowClient, type TransferProgress } from '../../src/node/index.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let client: MlflowClient;
let work: string;
let runId: string;
beforeAll(async () => {
  server = await startTestServer();
  client = new MlflowClient({ trackingUri: server.url, retry: { maxRetries: 0 } });
  work = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-client-art-'));
  const expId = await client.createExperiment('artifacts');
  runId = (await client.createRun(expId)).info.run_id;
});
afterAll(async () => {
  await server.stop();
  await rm(work, { recursive: true, force: true });
});

/** A PNG of one red pixel. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  ),
);

describe('NodeMlflowClient artifacts', () => {
  it('uploads a file and a directory tree, lists and downloads them back identically', async () => {
    const src = path.join(work, 'src');
    await mkdir(path.join(src, 'sub', 'deep'), { recursive: true });
    await writeFile(path.join(src, 'a.txt'), 'alpha');
    await writeFile(path.join(src, 'sub', 'b name %1.json'), '{"b":1}');
    await writeFile(path.join(src, 'sub', 'deep', 'c.bin'), Buffer.alloc(3 * 1024 * 1024, 7));
    await writeFile(path.join(work, 'single.txt'), 'single');

    const progress: TransferProgress[] = [];
    await client.logArtifact(runId, path.join(work, 'single.txt'));
    await client.logArtifacts(runId, src, 'tree', { onProgress: (p) => progress.push(p) });
    const last = progress.at(-1);
    expect(last).toEqual({
      transferredBytes: 5 + 7 + 3 * 1024 * 1024,
      totalBytes: 5 + 7 + 3 * 1024 * 1024,
      filesDone: 3,
      totalFiles: 3,
    });

    expect((await client.listArtifacts(runId)).map((f) => [f.path, f.is_dir])).toEqual([
      ['single.txt', false],
      ['tree', true],
    ]);
    expect(await client.listArtifacts(runId, 'tree/sub')).toEqual([
      { path: 'tree/sub/b name %1.json', is_dir: false, file_size: 7 },
      { path: 'tree/sub/deep', is_dir: true },
    ]);

    const dst = path.join(work, 'dst');
    const local = await client.downloadArtifacts(runId, 'tree', dst);
    expect(local).toBe(path.join(dst, 'tree'));
    expect(await readFile(path.join(local, 'a.txt'), 'utf8')).toBe('alpha');
    expect(await readFile(path.join(local, 'sub', 'b name %1.json'), 'utf8')).toBe('{"b":1}');
    expect(
      (await readFile(path.join(local, 'sub', 'deep', 'c.bin'))).equals(Buffer.alloc(3 * 1024 * 1024, 7)),
    ).toBe(true);
    const file = await client.downloadArtifacts(runId, 'single.txt', dst);
    expect(await readFile(file, 'utf8')).toBe('single');
    const everything = await client.downloadArtifacts(runId);
    expect((await readdir(everything)).sort()).toEqual(['single.txt', 'tree']);
    await rm(everything, { recursive: true });
  });

  it('logs text, dicts (JSON and YAML), PNG images and tables', async () => {
    await client.logText(runId, 'hello', 'notes/hello.txt');
    await client.logDict(runId, { lr: 0.01, layers: [64, 32], name: 'yes' }, 'config.yaml');
    await client.logDict(runId, { a: [1, 2] }, 'config.json');
    await client.logImage(runId, PNG, 'plots/pixel.png');
    await client.logTable(runId, { q: ['a', 'b'], score: [0.1, 0.9] }, 'eval.json');
    await client.logTable(runId, [{ q: 'c', score: 0.5 }], 'eval.json');

    expect(await client.loadText(runId, 'notes/hello.txt')).toBe('hello');
    expect(await client.loadText(runId, 'config.yaml')).toBe('lr: 0.01\nlayers:\n- 64\n- 32\nname: "yes"\n');
    expect(await client.loadDict(runId, 'config.json')).toEqual({ a: [1, 2] });
    const png = new Uint8Array(await (await client.openArtifact(runId, 'plots/pixel.png')).arrayBuffer());
    expect(png).toEqual(PNG);
    expect(await client.loadDict(runId, 'eval.json')).toEqual({
      columns: ['q', 'score'],
      data: [
        ['a', 0.1],
        ['b', 0.9],
        ['c', 0.5],
      ],
    });
    const tags = (await client.getRun(runId)).data.tags ?? [];
    expect(tags.find((t) => t.key === 'mlflow.loggedArtifacts')?.value).toBe(
      '[{"path": "eval.json", "type": "table"}]',
    );
  });

  it('refuses bad input before sending anything', async () => {
    await expect(client.logImage(runId, new Uint8Array([1, 2, 3]), 'x.png')).rejects.toThrow(
      'logImage expects PNG bytes',
    );
    await expect(client.logText(runId, 'x', '../escape.txt')).rejects.toThrow(
      "Invalid artifact path: '../escape.txt'",
    );
    await expect(client.logArtifact(runId, work)).rejects.toThrow(/is not one/);
  });

  it('reports a missing artifact as an MLflow error', async () => {
    await expect(client.loadText(runId, 'nope.txt')).rejects.toMatchObject({ status: 404 });
  });
});
