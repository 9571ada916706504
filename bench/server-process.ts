// Starts MLflow's server or ours as a child process group, waits for /health, and stops the whole tree.
import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { MLFLOW_BIN, TS_BIN, TS_DIST_MAIN, TS_SOURCE_MAIN } from './paths.js';
import { treeRssKb } from './process-rss.js';
import type { TsCommand } from './options.js';

export type ServerKind = 'mlflow' | 'mlflow-ts';

/** MLflow 3.18.0's `mlflow server` runs uvicorn with this many workers when --workers is not given. */
export const MLFLOW_DEFAULT_WORKERS = 4;

export interface ServerSpec {
  kind: ServerKind;
  /** --backend-store-uri of this server's own copy of the seeded database. */
  backendUri: string;
  artifactsDir: string;
  logPath: string;
  tsCommand: TsCommand;
}

export interface RunningServer {
  kind: ServerKind;
  baseUrl: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 on /health. */
  startupMs: number;
  /** 'code N' / 'signal X' once the root process has exited, else undefined. */
  exitReason: () => string | undefined;
  stop: () => Promise<void>;
}

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
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

/** The command line of a server, as the brief and the README give it. */
export function serverCommand(spec: ServerSpec, port: number): { cmd: string; args: string[] } {
  const common = ['--port', String(port), '--backend-store-uri', spec.backendUri];
  const artifacts = ['--artifacts-destination', spec.artifactsDir];
  if (spec.kind === 'mlflow') {
    return { cmd: MLFLOW_BIN, args: ['server', '--host', '127.0.0.1', ...common, ...artifacts] };
  }
  const useSource = spec.tsCommand === 'source' || !existsSync(TS_DIST_MAIN);
  const entry = useSource ? ['--conditions=source', '--import', 'tsx', TS_SOURCE_MAIN] : [TS_BIN];
  return { cmd: process.execPath, args: [...entry, 'server', ...common, ...artifacts] };
}

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns the server in its own process group and resolves once /health answers 200.
 * `onSpawn` gets the stop function at once, so an interrupted start leaves no orphan.
 */
export async function startServer(
  spec: ServerSpec,
  onSpawn: (stop: () => Promise<void>) => void = () => {},
  timeoutMs = 120_000,
): Promise<RunningServer> {
  const port = await freePort();
  const { cmd, args } = serverCommand(spec, port);
  const log = openSync(spec.logPath, 'a');
  const started = performance.now();
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', log, log], env: { ...process.env } });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn ${cmd}`);
  let exited: string | undefined;
  let stopping = false;
  child.once('exit', (code, signal) => {
    exited = code !== null ? `code ${code}` : `signal ${signal ?? '?'}`;
    // An exit the harness did not ask for is the first thing to look for when a workload fails.
    if (!stopping) appendFileSync(spec.logPath, `\n[bench] ${spec.kind} exited unexpectedly: ${exited}\n`);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    stopping = true;
    if (!alive(pid)) return;
    process.kill(-pid, 'SIGTERM');
    for (let i = 0; i < 200 && alive(pid); i++) await sleep(50);
    if (alive(pid)) process.kill(-pid, 'SIGKILL');
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(50);
  };
  onSpawn(stop);
  while (performance.now() - started < timeoutMs) {
    if (exited !== undefined)
      throw new Error(`${spec.kind} exited (${exited}) before /health; see ${spec.logPath}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.status === 200) {
        await res.arrayBuffer();
        const startupMs = performance.now() - started;
        return { kind: spec.kind, baseUrl, pid, startupMs, exitReason: () => exited, stop };
      }
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  await stop();
  throw new Error(`${spec.kind} did not answer /health within ${timeoutMs} ms; see ${spec.logPath}`);
}

/** RSS of the server's whole process tree in MiB (MLflow: uvicorn workers and its job runner too). */
export function serverRssMiB(server: RunningServer): number {
  return treeRssKb(server.pid) / 1024;
}
