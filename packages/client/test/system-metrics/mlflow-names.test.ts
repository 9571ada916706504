// Our metric names are exactly those MLflow 3.18's monitors log (read from its source in the compat venv).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CpuMemorySource,
  DiskSource,
  GpuSource,
  NetworkSource,
  SAMPLES_BEFORE_LOGGING_ENV,
  SAMPLING_INTERVAL_ENV,
  NODE_ID_ENV,
  ENABLE_SYSTEM_METRICS_ENV,
  SYSTEM_METRICS_PREFIX,
  type HostReaders,
} from '../../src/system-metrics/index.js';

const MLFLOW = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../compat/.venv/lib/python3.11/site-packages/mlflow',
);
const present = existsSync(MLFLOW);
if (!present) {
  if (process.env.CI === 'true') throw new Error(`MLflow source missing at ${MLFLOW} (run compat/setup.sh)`);
  console.warn(`SKIPPING the MLflow metric-name check: no MLflow source at ${MLFLOW} (run compat/setup.sh)`);
}

/** Names a monitor file assigns: `self._metrics["name"]` and `self._metrics[f"gpu_{i}_name"]` (i → 0). */
function namesIn(file: string): string[] {
  const text = readFileSync(path.join(MLFLOW, 'system_metrics/metrics', file), 'utf8');
  return [...text.matchAll(/self\._metrics\[f?"([^"]+)"\]/g)]
    .map((m) => (m[1] as string).replace('{i}', '0'))
    .sort();
}

const readers: HostReaders = {
  memory: async () => ({ totalBytes: 2, usedBytes: 1 }),
  network: async () => ({ receivedBytes: 0, transmittedBytes: 0 }),
};

describe.runIf(present)("MLflow's system metric names", () => {
  it('CPU and memory', async () => {
    const s = new CpuMemorySource(readers);
    await s.collect();
    expect(Object.keys(s.aggregate()).sort()).toEqual(namesIn('cpu_monitor.py'));
  });

  it('disk', async () => {
    const s = new DiskSource();
    await s.collect();
    expect(Object.keys(s.aggregate()).sort()).toEqual(namesIn('disk_monitor.py'));
  });

  it('network', async () => {
    const s = new NetworkSource(readers);
    await s.collect();
    expect(Object.keys(s.aggregate()).sort()).toEqual(namesIn('network_monitor.py'));
  });

  it('GPU (from a stand-in nvidia-smi)', async () => {
    const fake = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fake-nvidia-smi.sh');
    const gpu = await GpuSource.detect(fake);
    await gpu?.collect();
    expect(Object.keys(gpu?.aggregate() ?? {}).sort()).toEqual(namesIn('gpu_monitor.py'));
  });

  it('prefix and environment variable names', () => {
    const monitor = readFileSync(path.join(MLFLOW, 'system_metrics/system_metrics_monitor.py'), 'utf8');
    expect(monitor).toContain(`self._metrics_prefix = "${SYSTEM_METRICS_PREFIX}"`);
    const env = readFileSync(path.join(MLFLOW, 'environment_variables.py'), 'utf8');
    for (const name of [
      SAMPLING_INTERVAL_ENV,
      SAMPLES_BEFORE_LOGGING_ENV,
      NODE_ID_ENV,
      ENABLE_SYSTEM_METRICS_ENV,
    ]) {
      expect(env).toContain(`"${name}"`);
    }
  });
});
