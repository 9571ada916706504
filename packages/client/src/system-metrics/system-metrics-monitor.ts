// Samples system metrics on an interval and logs their aggregate to a run as `system/…` metrics, like MLflow's monitor.
import type { PortMetric, TrackingPort } from '../callbacks/tracking-port.js';
import { CpuMemorySource } from './cpu-memory-source.js';
import { DiskSource } from './disk-source.js';
import { GpuSource } from './gpu-source.js';
import { defaultHostReaders, type HostReaders } from './host-readers.js';
import type { MetricSource } from './metric-source.js';
import {
  resolveMonitorSettings,
  type MonitorSettings,
  type MonitorSettingsOptions,
} from './monitor-settings.js';
import { NetworkSource } from './network-source.js';

/** Every system metric name starts with it. */
export const SYSTEM_METRICS_PREFIX = 'system/';

export interface SystemMetricsMonitorOptions extends MonitorSettingsOptions {
  /** Continue the step numbering of the run's existing `system/` metrics (for a resumed run). */
  resumeLogging?: boolean;
  /** Replaces the default sources (CPU and memory, disk, network, and the GPUs nvidia-smi lists). */
  sources?: MetricSource[];
  /** The `nvidia-smi` executable to query (default: found on the PATH). */
  nvidiaSmiPath?: string;
  /** How memory and network are read (default: /proc on Linux, systeminformation elsewhere). */
  hostReaders?: HostReaders;
  /** Where the settings' environment variables are read (default: `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Receives the monitor's notices (a failed run lookup or log call ends monitoring); `console.warn` by default. */
  onWarning?: (message: string) => void;
}

/**
 * Every `samplingInterval` seconds takes a sample of each source; every `samplesBeforeLogging`
 * samples logs their aggregate at the next step (0, 1, 2, … or, resuming, after the run's last
 * `system/` step) as `system/<name>` (or `system/<nodeId>/<name>`). It stops by itself when the
 * run is no longer RUNNING, when the run cannot be read, or when logging fails; `finish()` stops it
 * and waits for the loop (samples not yet logged are dropped, as in MLflow).
 *
 * @example
 * const monitor = new SystemMetricsMonitor(runId, port, { samplingInterval: 5 });
 * await monitor.start();
 * await train();
 * await monitor.finish();
 */
export class SystemMetricsMonitor {
  readonly settings: MonitorSettings;
  /** The step the next logged aggregate gets. */
  loggingStep = 0;
  private sources: MetricSource[] = [];
  private loop: Promise<void> | null = null;
  private shutdown = false;
  private wake: (() => void) | null = null;
  private readonly warn: (message: string) => void;

  constructor(
    readonly runId: string,
    private readonly client: TrackingPort,
    private readonly options: SystemMetricsMonitorOptions = {},
  ) {
    this.settings = resolveMonitorSettings(options, options.env);
    this.warn = options.onWarning ?? ((message) => console.warn(message));
  }

  /** Whether the sampling loop is running. */
  get running(): boolean {
    return this.loop !== null;
  }

  /** The sources in use (known after `start`). */
  get activeSources(): readonly MetricSource[] {
    return this.sources;
  }

  /** Sets up the sources and the first step, then starts sampling in the background. */
  async start(): Promise<void> {
    if (this.loop !== null) return;
    this.sources = this.options.sources ?? (await this.defaultSources());
    for (const s of this.sources) if (s instanceof NetworkSource) await s.start();
    this.loggingStep = this.options.resumeLogging ? await this.nextLoggingStep() : 0;
    this.shutdown = false;
    this.loop = this.monitor().finally(() => {
      this.loop = null;
    });
  }

  /** Stops sampling and waits for the loop to end. */
  async finish(): Promise<void> {
    this.shutdown = true;
    this.wake?.();
    await this.loop;
  }

  private async defaultSources(): Promise<MetricSource[]> {
    const readers = this.options.hostReaders ?? defaultHostReaders();
    const sources: MetricSource[] = [
      new CpuMemorySource(readers),
      new DiskSource(),
      new NetworkSource(readers),
    ];
    const gpu = await GpuSource.detect(this.options.nvidiaSmiPath, this.warn);
    if (gpu) sources.push(gpu);
    return sources;
  }

  /** One past the largest step among the run's latest `system/` metrics; 0 when none or the run is unreadable. */
  private async nextLoggingStep(): Promise<number> {
    let latest: { key: string; step: number }[];
    try {
      latest = (await this.client.getRun(this.runId)).latestMetrics;
    } catch {
      return 0;
    }
    const steps = latest.filter((m) => m.key.startsWith(SYSTEM_METRICS_PREFIX)).map((m) => m.step);
    return steps.length === 0 ? 0 : Math.max(...steps) + 1;
  }

  private sleep(seconds: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, seconds * 1000);
      // A forgotten monitor must not keep the process alive (MLflow's thread is a daemon).
      timer.unref();
      this.wake = done;
    });
  }

  private async monitor(): Promise<void> {
    while (!this.shutdown) {
      for (let i = 0; i < this.settings.samplesBeforeLogging; i += 1) {
        try {
          for (const s of this.sources) await s.collect();
        } catch (e) {
          this.warn(`Failed to collect system metrics: ${(e as Error).message}`);
          return;
        }
        await this.sleep(this.settings.samplingIntervalSeconds);
        let status: string;
        try {
          status = (await this.client.getRun(this.runId)).status;
        } catch (e) {
          this.warn(`Failed to get the run of system metrics: ${(e as Error).message}`);
          return;
        }
        if (status !== 'RUNNING' || this.shutdown) return;
      }
      try {
        await this.publish();
      } catch (e) {
        this.warn(`Failed to log system metrics: ${(e as Error).message} (expected if the run has ended)`);
        return;
      }
    }
  }

  private async publish(): Promise<void> {
    const prefix = SYSTEM_METRICS_PREFIX + (this.settings.nodeId ? `${this.settings.nodeId}/` : '');
    const timestamp = Date.now();
    const step = this.loggingStep;
    const metrics: PortMetric[] = [];
    for (const s of this.sources) {
      for (const [name, value] of Object.entries(s.aggregate())) {
        metrics.push({ key: prefix + name, value, timestamp, step });
      }
    }
    if (metrics.length > 0) await this.client.logMetrics(this.runId, metrics);
    this.loggingStep += 1;
    for (const s of this.sources) s.clear();
  }
}

/**
 * Starts a monitor for `runId` and answers the function that stops it (call it when the run ends).
 * This is the hook a run-starting API uses for a `logSystemMetrics` option.
 *
 * @example
 * const stop = await startSystemMetricsMonitor(runId, port, { samplingInterval: 1 });
 * try { await train(); } finally { await stop(); }
 */
export async function startSystemMetricsMonitor(
  runId: string,
  client: TrackingPort,
  options: SystemMetricsMonitorOptions = {},
): Promise<() => Promise<void>> {
  const monitor = new SystemMetricsMonitor(runId, client, options);
  await monitor.start();
  return () => monitor.finish();
}
