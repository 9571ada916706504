// Starts a real mlflow-ts server (the CLI, from sources) on a random port over a temp SQLite file, for client tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = join(REPO_ROOT, 'packages/cli/src/main.ts');
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface TestServer {
  /** e.g. `http://127.0.0.1:40123` */
  readonly url: string;
  /** Temp dir holding the database and the proxied artifacts (`<dir>/mlartifacts`). */
  readonly dir: string;
  stop(): Promise<void>;
}

/**
 * The client package may depend on protocol only, so the server runs as a child process: the
 * same CLI a user starts, speaking real HTTP on 127.0.0.1.
 */
export async function startTestServer(extraArgs: string[] = []): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'mlflow-ts-client-'));
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      TSX,
      MAIN,
      'server',
      '--port',
      '0',
      '--backend-store-uri',
      `sqlite:///${join(dir, 'mlflow.db')}`,
      '--artifacts-destination',
      join(dir, 'mlartifacts'),
      ...extraArgs,
    ],
    { cwd: dir, env: { ...process.env, MLFLOW_TS_DEBUG: '1' } },
  );
  const url = await waitForUrl(child);
  return {
    url,
    dir,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code)}) before listening: ${err}`));
    });
  });
}
