// The fixture of the data command tests: a tracking server started by the CLI in a temp dir, a client, the CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowClient } from '@mlflow-ts/client';
import { afterAll, beforeAll } from 'vitest';
import { runCli, runToEnd, waitForListening, type CliRun } from './run-cli.js';

/** Each CLI start loads the whole command tree through tsx: seconds on a busy machine. */
export const SLOW = 300_000;

export interface DataServer {
  /** The temp dir: database, artifact store, and the CLI's working directory. */
  readonly dir: string;
  readonly url: string;
  readonly client: MlflowClient;
  /** Runs the CLI in `dir` with MLFLOW_TRACKING_URI set to the server, then the fixture's env, then `env`. */
  cli(args: string[], env?: NodeJS.ProcessEnv): ReturnType<typeof runToEnd>;
}

/**
 * Starts `mlflow-ts server` on SQLite and a local artifact store before the file's tests and stops
 * it (and removes its temp dir) after them. The fields are there once the tests run.
 *
 * @example
 * const srv = useDataServer('mlflow-ts-cli-runs-', { TZ: 'UTC' });
 * it('lists', async () => expect((await srv.cli(['runs', 'list', '--experiment-id', '0'])).code).toBe(0));
 */
export function useDataServer(tmpPrefix: string, cliEnv: NodeJS.ProcessEnv = {}): DataServer {
  let server: CliRun | undefined;
  const state = { dir: '', url: '', client: undefined as MlflowClient | undefined };
  beforeAll(async () => {
    state.dir = mkdtempSync(join(tmpdir(), tmpPrefix));
    server = runCli([
      'server',
      '--port',
      '0',
      '--backend-store-uri',
      `sqlite:///${join(state.dir, 'db.sqlite')}`,
      '--artifacts-destination',
      join(state.dir, 'art'),
    ]);
    state.url = await waitForListening(server);
    state.client = new MlflowClient(state.url);
  });
  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return state.dir;
    },
    get url() {
      return state.url;
    },
    get client() {
      if (!state.client) throw new Error('the data server is not started yet (use it inside a test)');
      return state.client;
    },
    cli: (args, env = {}) => runToEnd(args, { MLFLOW_TRACKING_URI: state.url, ...cliEnv, ...env }, state.dir),
  };
}
