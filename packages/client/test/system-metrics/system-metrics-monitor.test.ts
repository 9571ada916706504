// The monitor loop: sampling, aggregation per logging step, step numbering, prefixes, stop conditions; unit and live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AveragedSource,
  startSystemMetricsMonitor,
  SystemMetricsMonitor,
  type MetricSource,
} from '../../src/system-metrics/index.js';
import { trackingPortFor } from '../../src/callbacks/index.js';
import { MlflowClient } from '../../src/node/index.js';
import { HttpTrackingPort } from '../callbacks/http-tracking-port.js';
import { startMlflowTsServer, type RunningServer } from '../callbacks/mlflow-ts-server.js';
import { RecordingPort } from '../callbacks/recording-port.js';

/** Samples 1, 2, 3, … so each logged mean tells which samples it covered. */
class CountingSource extends AveragedSource {
  n = 0;
  async collect(): Promise<void> {
    this.n += 1;
    this.add('count', this.n);
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function logged(port: RecordingPort): { key: string; value: number; step: number }[] {
  return port.calls.flatMap((c) =>
    c.op === 'logMetrics' ? c.metrics.map(({ key, value, step }) => ({ key, value, step })) : [],
  );
}

describe('monitor loop (recorded)', () => {
  it('averages samplesBeforeLogging samples per step, prefixed system/, steps from 0', async () => {
    const port = new RecordingPort();
    const source = new CountingSource();
    const monitor = new SystemMetricsMonitor('r', port, {
      sources: [source],
      samplingInterval: 0.01,
      samplesBeforeLogging: 3,
      env: {},
    });
    await monitor.start();
    expect(monitor.running).toBe(true);
    await until(() => logged(port).length >= 3);
    await monitor.finish();
    expect(monitor.running).toBe(false);
    expect(logged(port).slice(0, 3)).toEqual([
      { key: 'system/count', value: 2, step: 0 },
      { key: 'system/count', value: 5, step: 1 },
      { key: 'system/count', value: 8, step: 2 },
    ]);
    // The run's status is checked after every sample.
    expect(port.ops().filter((o) => o === 'getRun').length).toBeGreaterThanOrEqual(9);
  });

  it('node id goes between the prefix and the name; the environment wins over options', async () => {
    const port = new RecordingPort();
    const monitor = new SystemMetricsMonitor('r', port, {
      sources: [new CountingSource()],
      samplingInterval: 30,
      nodeId: 'ignored',
      env: { MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL: '0.01', MLFLOW_SYSTEM_METRICS_NODE_ID: 'node_0' },
    });
    await monitor.start();
    await until(() => logged(port).length >= 1);
    await monitor.finish();
    expect(logged(port)[0]).toEqual({ key: 'system/node_0/count', value: 1, step: 0 });
  });

  it('stops by itself once the run is not RUNNING, without logging the pending samples', async () => {
    const port = new RecordingPort();
    port.status = 'FINISHED';
    const monitor = new SystemMetricsMonitor('r', port, {
      sources: [new CountingSource()],
      samplingInterval: 0.01,
      env: {},
    });
    await monitor.start();
    await until(() => !monitor.running);
    expect(logged(port)).toEqual([]);
  });

  it('stops with a warning when the run cannot be read, or logging fails', async () => {
    for (const failing of ['getRun', 'logMetrics'] as const) {
      const port = new RecordingPort();
      const warnings: string[] = [];
      const boom = new Error('unreachable');
      if (failing === 'getRun') port.getRun = async () => Promise.reject(boom);
      else port.logMetrics = async () => Promise.reject(boom);
      const monitor = new SystemMetricsMonitor('r', port, {
        sources: [new CountingSource()],
        samplingInterval: 0.01,
        env: {},
        onWarning: (m) => warnings.push(m),
      });
      await monitor.start();
      await until(() => !monitor.running);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('unreachable');
    }
  });

  it('a failing source stops monitoring with a warning', async () => {
    const port = new RecordingPort();
    const warnings: string[] = [];
    const broken: MetricSource = {
      collect: async () => Promise.reject(new Error('no /proc')),
      aggregate: () => ({}),
      clear: () => undefined,
    };
    const monitor = new SystemMetricsMonitor('r', port, {
      sources: [broken],
      samplingInterval: 0.01,
      env: {},
      onWarning: (m) => warnings.push(m),
    });
    await monitor.start();
    await until(() => !monitor.running);
    expect(warnings).toEqual(['Failed to collect system metrics: no /proc']);
  });

  it('finish interrupts a long sampling wait at once', async () => {
    const port = new RecordingPort();
    const monitor = new SystemMetricsMonitor('r', port, {
      sources: [new CountingSource()],
      samplingInterval: 3600,
      env: {},
    });
    await monitor.start();
    const t0 = Date.now();
    await monitor.finish();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(logged(port)).toEqual([]);
  });

  it('resumeLogging continues after the largest system/ step; other metrics do not count', async () => {
    const port = new RecordingPort();
    port.latestMetrics = [
      { key: 'system/cpu_utilization_percentage', step: 4 },
      { key: 'system/node_0/disk_usage_megabytes', step: 6 },
      { key: 'loss', step: 100 },
    ];
    const monitor = new SystemMetricsMonitor('r', port, { sources: [], resumeLogging: true, env: {} });
    await monitor.start();
    expect(monitor.loggingStep).toBe(7);
    await monitor.finish();
    port.latestMetrics = [{ key: 'loss', step: 3 }];
    const fresh = new SystemMetricsMonitor('r', port, { sources: [], resumeLogging: true, env: {} });
    await fresh.start();
    expect(fresh.loggingStep).toBe(0);
    await fresh.finish();
    port.getRun = async () => Promise.reject(new Error('gone'));
    const unreadable = new SystemMetricsMonitor('r', port, {
      sources: [],
      resumeLogging: true,
      env: {},
      onWarning: () => undefined,
    });
    await unreadable.start();
    expect(unreadable.loggingStep).toBe(0);
    await unreadable.finish();
  });
});

describe('against a real mlflow-ts server', () => {
  let server: RunningServer;
  let port: HttpTrackingPort;
  beforeAll(async () => {
    server = await startMlflowTsServer();
    port = new HttpTrackingPort(server.url);
  });
  afterAll(async () => server?.stop());

  const HOST_METRICS = [
    'system/cpu_utilization_percentage',
    'system/disk_available_megabytes',
    'system/disk_usage_megabytes',
    'system/disk_usage_percentage',
    'system/network_receive_megabytes',
    'system/network_transmit_megabytes',
    'system/system_memory_usage_megabytes',
    'system/system_memory_usage_percentage',
  ];

  it('logs the host metrics at steps 0, 1, 2 … through MlflowClient, and stops when asked', async () => {
    const runId = await port.createRun();
    const stop = await startSystemMetricsMonitor(runId, trackingPortFor(new MlflowClient(server.url)), {
      samplingInterval: 0.05,
      samplesBeforeLogging: 2,
      nvidiaSmiPath: '/nonexistent/nvidia-smi',
      env: {},
    });
    await until(async () => (await port.getRun(runId)).latestMetrics.some((m) => m.step >= 2));
    await stop();
    const run = await port.runJson(runId);
    const keys = [...new Set((run.data.metrics ?? []).map((m) => m.key))].sort();
    expect(keys).toEqual(HOST_METRICS);
    const history = await port.api<{ metrics: { step: number; value: number }[] }>(
      'GET',
      'metrics/get-history',
      {
        run_id: runId,
        metric_key: 'system/system_memory_usage_percentage',
      },
    );
    const steps = history.metrics.map((m) => m.step).sort((a, b) => a - b);
    expect(steps.slice(0, 3)).toEqual([0, 1, 2]);
    expect(steps).toEqual(steps.map((_, i) => i));
    for (const m of history.metrics) {
      expect(m.value).toBeGreaterThan(0);
      expect(m.value).toBeLessThan(100);
    }
  });

  it('ends by itself when the run is terminated, and resumes numbering on the same run', async () => {
    const runId = await port.createRun();
    const monitor = new SystemMetricsMonitor(runId, port, {
      samplingInterval: 0.05,
      nvidiaSmiPath: '/nonexistent/nvidia-smi',
      env: {},
    });
    await monitor.start();
    await until(async () => (await port.getRun(runId)).latestMetrics.some((m) => m.step >= 1));
    await port.api('POST', 'runs/update', { run_id: runId, status: 'FINISHED', end_time: Date.now() });
    await until(() => !monitor.running);
    const lastStep = Math.max(...(await port.getRun(runId)).latestMetrics.map((m) => m.step));

    await port.api('POST', 'runs/update', { run_id: runId, status: 'RUNNING' });
    const resumed = new SystemMetricsMonitor(runId, port, {
      samplingInterval: 0.05,
      resumeLogging: true,
      nvidiaSmiPath: '/nonexistent/nvidia-smi',
      env: {},
    });
    await resumed.start();
    expect(resumed.loggingStep).toBe(lastStep + 1);
    await until(async () => (await port.getRun(runId)).latestMetrics.some((m) => m.step > lastStep));
    await resumed.finish();
  });
});
