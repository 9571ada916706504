// One monitor per run, started and stopped with the run: the hook a startRun/endRun pair calls (MLflow's fluent does).
import type { TrackingPort } from '../callbacks/tracking-port.js';
import { systemMetricsEnabledByEnv } from './monitor-settings.js';
import { SystemMetricsMonitor, type SystemMetricsMonitorOptions } from './system-metrics-monitor.js';

/** Monitors of the runs started with system metrics, by run id (MLflow's run_id_to_system_metrics_monitor). */
const monitors = new Map<string, SystemMetricsMonitor>();

export interface RunSystemMetricsOptions {
  /** The run's `logSystemMetrics` option; when undefined, MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING decides. */
  logSystemMetrics?: boolean;
  /** True when the run was resumed (startRun with a run id): step numbering continues. */
  resumed?: boolean;
  /** Passed to the monitor (sampling settings, sources, …). */
  monitor?: Omit<SystemMetricsMonitorOptions, 'resumeLogging'>;
  env?: Readonly<Record<string, string | undefined>>;
  /** Where a failed start is reported (the run starts all the same); `console.error` by default. */
  onError?: (message: string) => void;
}

/**
 * Call when a run starts. Starts its monitor if enabled; answers whether one runs. An invalid
 * MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING value throws (as MLflow's start_run does); a monitor that
 * fails to start is reported through `onError` and the run goes on without it.
 *
 * @example
 * // in startRun, once the run exists:
 * await startRunSystemMetrics(run.info.run_id, trackingPortFor(client), {
 *   logSystemMetrics: options.logSystemMetrics,
 *   resumed: existing !== undefined,
 * });
 */
export async function startRunSystemMetrics(
  runId: string,
  client: TrackingPort,
  options: RunSystemMetricsOptions = {},
): Promise<boolean> {
  const enabled = options.logSystemMetrics ?? systemMetricsEnabledByEnv(options.env);
  if (!enabled) return false;
  try {
    const monitor = new SystemMetricsMonitor(runId, client, {
      ...options.monitor,
      ...(options.env && { env: options.env }),
      resumeLogging: options.resumed ?? false,
    });
    await monitor.start();
    monitors.set(runId, monitor);
    return true;
  } catch (e) {
    (options.onError ?? ((m) => console.error(m)))(
      `Failed to start system metrics monitoring: ${(e as Error).message}.`,
    );
    return false;
  }
}

/**
 * Call when a run ends, after its status is set: stops and forgets its monitor, if any.
 *
 * @example
 * // in endRun, after setTerminated:
 * await stopRunSystemMetrics(run.info.run_id);
 */
export async function stopRunSystemMetrics(runId: string): Promise<void> {
  const monitor = monitors.get(runId);
  monitors.delete(runId);
  await monitor?.finish();
}

/**
 * The ids of the runs whose system metrics are being logged.
 *
 * @example
 * if (runsWithSystemMetrics().includes(runId)) console.log('monitored');
 */
export function runsWithSystemMetrics(): string[] {
  return [...monitors.keys()];
}
