// One worker of `--workers N`: serves on the shared port and reports readiness or its failure to the primary.
import { DEBUG_ENV, describeError, exitCodeFor } from '../errors.js';
import { isPrimaryMessage, type WorkerMessage } from './cluster-messages.js';
import type { ResolvedServerOptions } from './resolve-options.js';
import type { ServerRuntime } from './runtime.js';
import { serveInstance } from './serve-instance.js';
import { onShutdownSignal } from './shutdown.js';

function sendToPrimary(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

/** `getRuntime` runs inside the startup guard: failing to load the server is a startup failure too. */
export async function runWorker(
  resolved: ResolvedServerOptions,
  getRuntime: () => Promise<ServerRuntime>,
): Promise<void> {
  let running;
  try {
    running = await serveInstance(resolved, await getRuntime());
  } catch (err) {
    // The primary prints the one line, so the user sees it once however many workers fail alike.
    if (process.env[DEBUG_ENV] && err instanceof Error) process.stderr.write(`${err.stack ?? err.message}\n`);
    const exitCode = exitCodeFor(err);
    await sendToPrimary({ type: 'mlflow-ts:fatal', message: describeError(err), exitCode });
    process.exit(exitCode);
  }
  const instance = running;
  const stop = onShutdownSignal(() => instance.close());
  process.on('message', (m: unknown) => {
    if (isPrimaryMessage(m)) stop();
  });
  const address = instance.address;
  await sendToPrimary({
    type: 'mlflow-ts:ready',
    port: address !== null && typeof address === 'object' ? address.port : resolved.port,
  });
}
