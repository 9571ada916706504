// NVIDIA GPU metrics, MLflow's GPUMonitor names, read from `nvidia-smi` (no native NVML binding is needed).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AveragedSource } from './averaged-source.js';
import { NVIDIA_SMI_FIELDS, parseNvidiaSmiCsv, type GpuReading } from './nvidia-smi-csv.js';
import { pyRound1 } from './python-round.js';

const run = promisify(execFile);
const MIB = 1024 * 1024;

async function query(nvidiaSmi: string): Promise<GpuReading[]> {
  const { stdout } = await run(
    nvidiaSmi,
    [`--query-gpu=${NVIDIA_SMI_FIELDS.join(',')}`, '--format=csv,noheader,nounits'],
    { timeout: 10_000, windowsHide: true },
  );
  return parseNvidiaSmiCsv(stdout);
}

/**
 * Logs per GPU i: `gpu_i_memory_usage_percentage`, `gpu_i_memory_usage_megabytes`,
 * `gpu_i_utilization_percentage`, `gpu_i_power_usage_watts`, `gpu_i_power_usage_percentage`. A group
 * the GPU cannot report is left out (with one warning), as MLflow does on NVML errors. Create it
 * with `GpuSource.detect()`, which answers null when `nvidia-smi` is absent or finds no GPU.
 *
 * @example
 * const gpu = await GpuSource.detect();
 * if (gpu) { await gpu.collect(); console.log(gpu.aggregate()); }
 */
export class GpuSource extends AveragedSource {
  private readonly warned = new Set<string>();

  private constructor(
    private readonly nvidiaSmi: string,
    private readonly warn: (message: string) => void,
  ) {
    super();
  }

  /** Null when `nvidia-smi` cannot run or lists no GPU: GPU metrics are then skipped. */
  static async detect(
    nvidiaSmi = 'nvidia-smi',
    warn: (message: string) => void = (m) => console.warn(m),
  ): Promise<GpuSource | null> {
    try {
      return (await query(nvidiaSmi)).length > 0 ? new GpuSource(nvidiaSmi, warn) : null;
    } catch {
      return null;
    }
  }

  private skip(gpu: number, group: string): void {
    const key = `${gpu}/${group}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(`nvidia-smi does not report ${group} for GPU ${gpu}; those metrics are not logged.`);
  }

  async collect(): Promise<void> {
    for (const g of await query(this.nvidiaSmi)) {
      const i = g.index;
      if (g.memoryUsedMiB !== null && g.memoryTotalMiB !== null && g.memoryTotalMiB > 0) {
        this.add(`gpu_${i}_memory_usage_percentage`, pyRound1((g.memoryUsedMiB / g.memoryTotalMiB) * 100));
        this.add(`gpu_${i}_memory_usage_megabytes`, (g.memoryUsedMiB * MIB) / 1e6);
      } else this.skip(i, 'memory');
      if (g.utilizationPercent !== null) this.add(`gpu_${i}_utilization_percentage`, g.utilizationPercent);
      else this.skip(i, 'utilization');
      if (g.powerDrawWatts !== null && g.powerLimitWatts !== null && g.powerLimitWatts > 0) {
        this.add(`gpu_${i}_power_usage_watts`, g.powerDrawWatts);
        this.add(`gpu_${i}_power_usage_percentage`, (g.powerDrawWatts / g.powerLimitWatts) * 100);
      } else this.skip(i, 'power usage');
    }
  }
}
