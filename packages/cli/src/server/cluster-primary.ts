// The primary of `--workers N`: forks N workers on one port, reports startup, restarts crashed workers loudly.
import cluster, { type Worker } from 'node:cluster';
import { Fernet } from '@mlflow-ts/server/fernet';
import { isWorkerMessage, type PrimaryMessage } from './cluster-messages.js';
import type { ResolvedServerOptions } from './resolve-options.js';
import { listenUrl, startupLine } from './startup-line.js';

/** How long workers get to finish open requests after a shutdown request before being killed. */
const SHUTDOWN_GRACE_MS = 10_000;
/** More crashes than this within the window means restarting is futile: give up loudly. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;

/**
 * Webhook secrets are sealed with MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY or, when it is unset, with a
 * key the process makes up (as MLflow does). Workers each making up their own could not read one
 * another's secrets, and a request lands on any worker, so the primary makes up one key for all of
 * them, with a warning that it lasts only this run. (`@mlflow-ts/server/fernet` is the cipher alone,
 * so the primary still never loads the server.)
 */
function webhookKeyForWorkers(workers: number): { env: NodeJS.ProcessEnv; warning?: string } {
  if (process.env['MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY']) return { env: {} };
  return {
    env: { MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY: Fernet.generateKey() },
    warning:
      `Warning: MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY is not set; the ${workers} workers share a key made up ` +
      'for this run, so webhook secrets saved now cannot be read after a restart. Set it to keep them.\n',
  };
}

type WorkerState = { phase: 'starting' | 'ready'; failure?: { message: string; exitCode: number } };

export function runPrimary(resolved: ResolvedServerOptions): void {
  const webhookKey = webhookKeyForWorkers(resolved.workers);
  const states = new Map<number, WorkerState>();
  const crashes: number[] = [];
  let announced = false;
  let ending = false;

  const live = (): Worker[] =>
    Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

  /** Stops every worker and exits with `code` once they are gone (or after the grace period). */
  const endAll = (code: number): void => {
    if (ending) return;
    ending = true;
    const shutdown: PrimaryMessage = { type: 'mlflow-ts:shutdown' };
    // A worker that is already exiting closes its IPC channel: the send then fails with EPIPE, which is
    // harmless (the worker is going away anyway), so the error is swallowed instead of crashing the primary.
    for (const w of live()) if (w.isConnected()) w.send(shutdown, undefined, {}, () => undefined);
    if (live().length === 0) process.exit(code);
    cluster.on('exit', () => {
      if (live().length === 0) process.exit(code);
    });
    setTimeout(() => {
      for (const w of live()) w.process.kill('SIGKILL');
      process.exit(code);
    }, SHUTDOWN_GRACE_MS).unref();
  };

  const fork = (): void => {
    const worker = cluster.fork(webhookKey.env);
    states.set(worker.id, { phase: 'starting' });
    // IPC errors (EPIPE while a worker dies) surface as 'error' events; the 'exit' handler below is what
    // reacts to a dead worker, so an unhandled 'error' must not take the primary down with a second line.
    worker.on('error', () => undefined);
    worker.on('message', (m: unknown) => {
      const state = states.get(worker.id);
      if (!state || !isWorkerMessage(m)) return;
      if (m.type === 'mlflow-ts:fatal') {
        state.failure = { message: m.message, exitCode: m.exitCode };
        return;
      }
      state.phase = 'ready';
      if (!announced && [...states.values()].every((s) => s.phase === 'ready')) {
        announced = true;
        const url = listenUrl(
          resolved.host,
          { address: resolved.host, family: '', port: m.port },
          resolved.port,
        );
        process.stdout.write(`${startupLine(url, resolved)}\n`);
        // After the start-up line, so a server that fails to start still says one line only.
        if (webhookKey.warning) process.stderr.write(webhookKey.warning);
      }
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const state = states.get(worker.id);
    states.delete(worker.id);
    if (ending || !state) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (state.phase === 'starting') {
      // A worker that cannot start would fail again: stop everything with its reason.
      process.stderr.write(`Error: ${state.failure?.message ?? `a worker exited during startup (${how})`}\n`);
      endAll(state.failure?.exitCode ?? 1);
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && (crashes[0] ?? now) < now - CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length > MAX_CRASHES) {
      process.stderr.write(`Error: workers keep exiting (last: ${how}); stopping the server.\n`);
      endAll(1);
      return;
    }
    process.stderr.write(`Warning: worker ${worker.process.pid} exited (${how}); starting a replacement.\n`);
    fork();
  });

  let signals = 0;
  const onSignal = (): void => {
    signals += 1;
    if (signals > 1) {
      for (const w of live()) w.process.kill('SIGKILL');
      process.exit(1);
    }
    endAll(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  for (let i = 0; i < resolved.workers; i += 1) fork();
}
