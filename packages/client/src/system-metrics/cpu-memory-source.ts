// CPU utilization and system memory, MLflow's CPUMonitor metrics: averaged over the samples of a logging step.
import os from 'node:os';
import { AveragedSource } from './averaged-source.js';
import { defaultHostReaders, type HostReaders } from './host-readers.js';
import { pyRound1 } from './python-round.js';

interface CpuTicks {
  busy: number;
  total: number;
}

/** Summed over all cores: busy is everything but idle. */
function cpuTicks(cpus: readonly os.CpuInfo[]): CpuTicks {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/**
 * Logs `cpu_utilization_percentage` (all cores, since the previous sample, like psutil's
 * `cpu_percent()`), `system_memory_usage_megabytes` (1 MB = 10⁶ bytes) and
 * `system_memory_usage_percentage`.
 *
 * @example
 * const cpu = new CpuMemorySource();
 * await cpu.collect();
 * cpu.aggregate().cpu_utilization_percentage;
 */
export class CpuMemorySource extends AveragedSource {
  private last: CpuTicks;

  constructor(
    private readonly readers: HostReaders = defaultHostReaders(),
    private readonly cpus: () => os.CpuInfo[] = os.cpus,
  ) {
    super();
    // The first sample then covers the time since the monitor was created, not since boot.
    this.last = cpuTicks(this.cpus());
  }

  async collect(): Promise<void> {
    const now = cpuTicks(this.cpus());
    const total = now.total - this.last.total;
    this.add(
      'cpu_utilization_percentage',
      total > 0 ? pyRound1(((now.busy - this.last.busy) / total) * 100) : 0,
    );
    this.last = now;
    const memory = await this.readers.memory();
    this.add('system_memory_usage_megabytes', memory.usedBytes / 1e6);
    this.add('system_memory_usage_percentage', (memory.usedBytes / memory.totalBytes) * 100);
  }
}
