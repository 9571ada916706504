// Spawns the mlflow-ts CLI from its TypeScript sources, as a user runs it, for end-to-end tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = 'packages/cli/src/main.ts';
/** By file URL, so that the CLI can run in any working directory (a bare 'tsx' resolves from the cwd). */
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface CliRun {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `main` is the entry file: the real one by default, or a test fixture. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd: string = REPO_ROOT,
  main: string = join(REPO_ROOT, MAIN),
): CliRun {
  const child = spawn(process.execPath, ['--conditions=source', '--import', TSX, main, ...args], {
    cwd,
    env: { ...process.env, MLFLOW_TS_DEBUG: '', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs the CLI to completion. */
export async function runToEnd(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string, main?: string) {
  const run = runCli(args, env, cwd, main);
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** Waits for the startup line and returns the URL it announces. */
export async function waitForListening(run: CliRun, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void run.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    const m = /listening on (http:\/\/\S+)/.exec(run.stdout());
    if (m?.[1]) return m[1];
    if (exited) throw new Error(`CLI exited before listening: ${run.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`CLI did not start in time: ${run.stderr()}`);
}
