// Starts a real `mlflow-ts server` (sources through tsx) on a free port with a temp SQLite DB, for browser tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RestClient } from '@mlflow-ts/client';
import { CLI_SOURCE_MAIN, REPO_ROOT, UI_DIST } from './paths.js';

export interface TestServer {
  /** e.g. `http://127.0.0.1:43121` (no prefix). */
  readonly origin: string;
  /** origin + static prefix: where the UI lives. */
  readonly uiUrl: string;
  /** A client on the same server (the `/api` routes, under the prefix), for seeding data. */
  readonly rest: RestClient;
  readonly dir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Ends the server's process group; its temp folder goes too unless `keepFiles`. */
  stop(options?: { keepFiles?: boolean }): Promise<void>;
}

export interface StartOptions {
  readonly staticPrefix?: string;
  /** Extra environment, e.g. MLFLOW_TS_UI_DIST pointing somewhere else. */
  readonly env?: Readonly<Record<string, string>>;
  /** An existing SQLite file to serve instead of a fresh one (benchmarks seed it directly). */
  readonly database?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns the server in its own process group and resolves once /health answers.
 *
 * @example
 * const server = await startTestServer();
 * await server.rest.call(trackingEndpoints.createExperiment, { name: 'demo' });
 * await server.stop();
 */
export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-ui-e2e-'));
  const port = await freePort();
  const prefix = options.staticPrefix ?? '';
  const args = [
    '--conditions=source',
    '--import',
    'tsx',
    CLI_SOURCE_MAIN,
    'server',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--backend-store-uri',
    `sqlite:///${options.database ?? join(dir, 'mlflow.db')}`,
    '--artifacts-destination',
    join(dir, 'mlartifacts'),
    ...(prefix ? ['--static-prefix', prefix] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MLFLOW_TS_UI_DIST: UI_DIST, ...options.env },
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = code !== null ? `code ${code}` : `signal ${signal}`));
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn mlflow-ts server');
  const origin = `http://127.0.0.1:${port}`;
  const stop = async (stopOptions: { keepFiles?: boolean } = {}): Promise<void> => {
    if (exited === undefined) {
      process.kill(-pid, 'SIGTERM');
      for (let i = 0; i < 100 && exited === undefined; i++) await sleep(50);
      if (exited === undefined) process.kill(-pid, 'SIGKILL');
    }
    if (!stopOptions.keepFiles) rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`mlflow-ts server exited (${exited}) before /health:\n${log}`);
    }
    try {
      const res = await fetch(`${origin}${prefix}/health`);
      if (res.status === 200) {
        return {
          origin,
          uiUrl: `${origin}${prefix}`,
          rest: new RestClient({ trackingUri: `${origin}${prefix}`, retry: { maxRetries: 0 } }),
          dir,
          output: () => log,
          stop,
        };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`mlflow-ts server did not answer /health within 60 s:\n${log}`);
}
