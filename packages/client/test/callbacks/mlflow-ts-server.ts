// Starts a real mlflow-ts server (the CLI from its TypeScript sources) over a fresh SQLite file, for client tests.
// A child process, not createApp: the client workspace may not import the server workspace (dependency direction).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TSX = pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const MAIN = path.join(REPO_ROOT, 'packages/cli/src/main.ts');

export interface RunningServer {
  /** e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Temp dir holding the database and the proxied artifacts. */
  dir: string;
  stop(): Promise<void>;
}

/** Serves with artifact proxying (artifacts under `<dir>/mlartifacts`), on a free port. */
export async function startMlflowTsServer(): Promise<RunningServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-client-'));
  const args = [
    '--conditions=source',
    '--import',
    TSX,
    MAIN,
    'server',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--backend-store-uri',
    `sqlite:///${path.join(dir, 'mlflow.db')}`,
    '--artifacts-destination',
    path.join(dir, 'mlartifacts'),
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, MLFLOW_TS_DEBUG: '' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (url === undefined) {
    url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
    if (url !== undefined) break;
    if (done) throw new Error(`mlflow-ts server exited before listening: ${err}`);
    if (Date.now() > deadline) throw new Error(`mlflow-ts server did not start in time: ${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    dir,
    stop: async () => {
      if (!done) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
