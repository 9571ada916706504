// Process hooks that write queued values and end active runs when the program stops: beforeExit, exit, SIGINT/SIGTERM.
import { trackingEndpoints, type RunStatus } from '@mlflow-ts/protocol';
import type { FluentConnection } from './fluent-state.js';
import { state } from './fluent-state.js';
import { sendSync, type SyncRequest } from './sync-flush.js';

let installed = false;
let finishing: Promise<void> | undefined;

function hasWork(): boolean {
  if (state.runStack.length > 0) return true;
  for (const c of state.connections) if (c.logger.pending > 0) return true;
  return false;
}

function report(e: unknown): void {
  process.stderr.write(`mlflow-ts: ${e instanceof Error ? e.message : String(e)}\n`);
}

/** Flushes every connection's queue, then ends the active runs innermost first. */
async function finishAsync(status: RunStatus): Promise<void> {
  for (const c of state.connections) await c.logger.flush().catch(report);
  const current = state.connection;
  while (state.runStack.length > 0) {
    const run = state.runStack.pop();
    if (run && current) {
      state.lastActiveRunId = run.info.run_id;
      await current.client.setTerminated(run.info.run_id, status).catch(report);
    }
  }
}

function syncRequests(
  c: FluentConnection,
  calls: { runId: string; request: ReturnType<FluentConnection['client']['rest']['prepare']> }[],
): SyncRequest[] {
  const headers = c.client.rest.staticHeaders;
  if (headers === undefined) {
    report('cannot write queued values at exit: the client computes its headers asynchronously');
    return [];
  }
  return calls.map(({ request }) => ({
    url: `${c.client.trackingUri}${request.path}`,
    method: request.method,
    headers: { ...headers, ...request.headers },
    body: request.body,
  }));
}

/** At 'exit' the event loop is gone: whatever is left is sent by a child process while we block. */
function finishSync(exitCode: number): void {
  const requests: SyncRequest[] = [];
  for (const c of state.connections) {
    const batches = c.logger.takeAll().map((b) => ({
      runId: b.runId,
      request: c.client.rest.prepare(trackingEndpoints.logBatch, { run_id: b.runId, ...b.batch }),
    }));
    requests.push(...syncRequests(c, batches));
  }
  const current = state.connection;
  if (current) {
    const status: RunStatus = exitCode === 0 ? 'FINISHED' : 'FAILED';
    const ends = state.runStack
      .splice(0)
      .reverse()
      .map((run) => ({
        runId: run.info.run_id,
        request: current.client.rest.prepare(trackingEndpoints.updateRun, {
          run_id: run.info.run_id,
          status,
          end_time: Date.now(),
        }),
      }));
    requests.push(...syncRequests(current, ends));
  }
  if (!sendSync(requests)) report('some values could not be written at exit');
}

function onBeforeExit(): void {
  // beforeExit fires again after our async work; run it once per burst of work.
  if (finishing || !hasWork()) return;
  finishing = finishAsync('FINISHED').finally(() => (finishing = undefined));
}

function onExit(code: number): void {
  if (hasWork()) finishSync(code);
}

let signalled = false;

function onSignal(signal: NodeJS.Signals): void {
  if (signalled) {
    // A second Ctrl+C while flushing: stop waiting.
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
    return;
  }
  signalled = true;
  void finishAsync('KILLED').finally(() => {
    process.removeListener(signal, onSignal);
    // Nobody else handles it: let the default action end the process, with the signal's exit status.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

/**
 * Installs the hooks once: on a normal end (beforeExit) queued values are written and active
 * runs end FINISHED; on process.exit() the same happens synchronously (FAILED for a non-zero
 * code); on SIGINT/SIGTERM runs end KILLED, then the signal takes its default course.
 *
 * @example
 * installExitHooks(); // startRun does this for you
 */
export function installExitHooks(): void {
  if (installed) return;
  installed = true;
  process.on('beforeExit', onBeforeExit);
  process.on('exit', onExit);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
}
