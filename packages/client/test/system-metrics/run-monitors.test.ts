// The start/stop-with-the-run hook: enabled by option or MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING, one monitor per run.
import { describe, expect, it } from 'vitest';
import {
  AveragedSource,
  runsWithSystemMetrics,
  startRunSystemMetrics,
  stopRunSystemMetrics,
} from '../../src/system-metrics/index.js';
import { RecordingPort } from '../callbacks/recording-port.js';

class OneSource extends AveragedSource {
  async collect(): Promise<void> {
    this.add('one', 1);
  }
}

const monitor = { sources: [new OneSource()], samplingInterval: 0.01 };

describe('startRunSystemMetrics / stopRunSystemMetrics', () => {
  it('off by default; the option wins over the environment', async () => {
    const port = new RecordingPort();
    expect(await startRunSystemMetrics('a', port, { env: {}, monitor })).toBe(false);
    expect(
      await startRunSystemMetrics('a', port, {
        logSystemMetrics: false,
        env: { MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING: 'true' },
        monitor,
      }),
    ).toBe(false);
    expect(runsWithSystemMetrics()).toEqual([]);
    expect(port.calls).toEqual([]);
  });

  it('the environment turns it on; stop ends and forgets the monitor', async () => {
    const port = new RecordingPort();
    expect(
      await startRunSystemMetrics('b', port, { env: { MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING: '1' }, monitor }),
    ).toBe(true);
    expect(runsWithSystemMetrics()).toEqual(['b']);
    while (!port.calls.some((c) => c.op === 'logMetrics')) await new Promise((r) => setTimeout(r, 10));
    await stopRunSystemMetrics('b');
    expect(runsWithSystemMetrics()).toEqual([]);
    const logged = port.calls.find((c) => c.op === 'logMetrics');
    expect(logged).toMatchObject({ metrics: [{ key: 'system/one', value: 1, step: 0 }] });
    await stopRunSystemMetrics('b'); // no monitor any more: nothing to do
  });

  it('a resumed run continues the step numbering', async () => {
    const port = new RecordingPort();
    port.latestMetrics = [{ key: 'system/one', step: 9 }];
    await startRunSystemMetrics('c', port, { logSystemMetrics: true, resumed: true, env: {}, monitor });
    while (!port.calls.some((c) => c.op === 'logMetrics')) await new Promise((r) => setTimeout(r, 10));
    await stopRunSystemMetrics('c');
    expect(port.calls.find((c) => c.op === 'logMetrics')).toMatchObject({ metrics: [{ step: 10 }] });
  });

  it('an invalid enable variable throws, as start_run does', async () => {
    await expect(
      startRunSystemMetrics('d', new RecordingPort(), {
        env: { MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING: 'on' },
      }),
    ).rejects.toThrow(
      "MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING value must be one of ['true', 'false', '1', '0']",
    );
  });

  it('a monitor that cannot start is reported and the run goes on', async () => {
    const errors: string[] = [];
    const started = await startRunSystemMetrics('e', new RecordingPort(), {
      logSystemMetrics: true,
      env: { MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL: 'soon' },
      onError: (m) => errors.push(m),
    });
    expect(started).toBe(false);
    expect(errors).toEqual([
      "Failed to start system metrics monitoring: Failed to convert 'soon' for MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL: could not convert string to float: 'soon'.",
    ]);
    expect(runsWithSystemMetrics()).toEqual([]);
  });
});
