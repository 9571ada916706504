// Parses the CSV `nvidia-smi --query-gpu=… --format=csv,noheader,nounits` prints, one line per GPU.

/** The fields queried, in order (memory in MiB, power in W, utilization in %). */
export const NVIDIA_SMI_FIELDS = [
  'index',
  'memory.used',
  'memory.total',
  'utilization.gpu',
  'power.draw',
  'enforced.power.limit',
] as const;

/** One GPU's reading; a field nvidia-smi cannot report (`[N/A]`, `[Not Supported]`) is null. */
export interface GpuReading {
  index: number;
  memoryUsedMiB: number | null;
  memoryTotalMiB: number | null;
  utilizationPercent: number | null;
  powerDrawWatts: number | null;
  powerLimitWatts: number | null;
}

function numberOrNull(field: string | undefined): number | null {
  if (field === undefined) return null;
  const text = field.trim();
  if (text === '' || text.startsWith('[')) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * One reading per non-empty line; lines without a numeric index are ignored.
 *
 * @example
 * parseNvidiaSmiCsv('0, 1024, 16384, 37, 70.5, 300.00\n');
 * // [{ index: 0, memoryUsedMiB: 1024, memoryTotalMiB: 16384, utilizationPercent: 37, powerDrawWatts: 70.5, powerLimitWatts: 300 }]
 */
export function parseNvidiaSmiCsv(text: string): GpuReading[] {
  const out: GpuReading[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const f = line.split(',');
    const index = numberOrNull(f[0]);
    if (index === null || !Number.isInteger(index)) continue;
    out.push({
      index,
      memoryUsedMiB: numberOrNull(f[1]),
      memoryTotalMiB: numberOrNull(f[2]),
      utilizationPercent: numberOrNull(f[3]),
      powerDrawWatts: numberOrNull(f[4]),
      powerLimitWatts: numberOrNull(f[5]),
    });
  }
  return out;
}
