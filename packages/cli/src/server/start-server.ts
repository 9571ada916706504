// Runs `mlflow-ts server`: one process, or a cluster primary and its workers with --workers N.
import cluster from 'node:cluster';
import type { ResolvedServerOptions } from './resolve-options.js';
import { runPrimary } from './cluster-primary.js';
import { runWorker } from './cluster-worker.js';
import type { ServerRuntime } from './runtime.js';
import { serveInstance } from './serve-instance.js';
import { onShutdownSignal } from './shutdown.js';
import { leaveStartupMode } from '../startup-mode.js';
import { listenUrl, startupLine } from './startup-line.js';

/** The server and store packages load only here, so `--help` and option errors stay fast. */
async function loadRuntime(): Promise<ServerRuntime> {
  return (await import('./runtime.js')).defaultRuntime;
}

export async function startServer(resolved: ResolvedServerOptions, runtime?: ServerRuntime): Promise<void> {
  if (cluster.isWorker) {
    await runWorker(resolved, async () => runtime ?? loadRuntime());
    return leaveStartupMode();
  }
  for (const w of resolved.warnings) process.stderr.write(`${w}\n`);
  // The primary only forks and watches; it never opens the store itself, and stays in start-up mode
  // (it runs no hot code, so the young generation and TurboFan stay small there).
  if (resolved.workers > 1) return runPrimary(resolved);

  const instance = await serveInstance(resolved, runtime ?? (await loadRuntime()));
  leaveStartupMode();
  onShutdownSignal(() => instance.close());
  const url = listenUrl(resolved.host, instance.address, resolved.port);
  process.stdout.write(`${startupLine(url, resolved)}\n`);
}
