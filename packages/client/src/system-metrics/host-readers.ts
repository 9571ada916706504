// Reads memory and network counters: from /proc on Linux (psutil's own sources), through systeminformation elsewhere.
// Why not systeminformation everywhere: on Linux it spawns a `cat` per network interface per sample (~250 ms here),
// while /proc is one file read; elsewhere it is the portable way (vm_stat, netstat, WMI) Node lacks.
import { readFile } from 'node:fs/promises';
import type Systeminformation from 'systeminformation';

/** Loaded on first use: on Linux it is never needed, and importing it is not free. */
async function systeminformation(): Promise<typeof Systeminformation> {
  return (await import('systeminformation')).default;
}

export interface MemoryReading {
  totalBytes: number;
  usedBytes: number;
}

export interface NetworkReading {
  receivedBytes: number;
  transmittedBytes: number;
}

/** How a source reads the host; tests and other platforms may substitute. */
export interface HostReaders {
  memory(): Promise<MemoryReading>;
  network(): Promise<NetworkReading>;
}

/** `Key:   123 kB` lines of /proc/meminfo, in bytes. */
function meminfo(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\w+(?:\(\w+\))?):\s+(\d+)(?:\s+kB)?/.exec(line);
    if (m?.[1] && m[2]) out.set(m[1], Number(m[2]) * (line.trimEnd().endsWith('kB') ? 1024 : 1));
  }
  return out;
}

/**
 * Used memory as psutil computes it on Linux: total − free − buffers − page cache (cached and
 * reclaimable slab), or total − free when that goes negative (some containers).
 *
 * @example
 * linuxUsedMemory('MemTotal: 1000 kB\nMemFree: 200 kB\nBuffers: 50 kB\nCached: 100 kB\nSReclaimable: 50 kB\n');
 * // { totalBytes: 1024000, usedBytes: 614400 }
 */
export function linuxUsedMemory(procMeminfo: string): MemoryReading {
  const m = meminfo(procMeminfo);
  const total = m.get('MemTotal') ?? 0;
  const free = m.get('MemFree') ?? 0;
  const cached = (m.get('Cached') ?? 0) + (m.get('SReclaimable') ?? 0);
  let used = total - free - cached - (m.get('Buffers') ?? 0);
  if (used < 0) used = total - free;
  return { totalBytes: total, usedBytes: used };
}

/**
 * Bytes received and sent over all interfaces (loopback included, as psutil counts) from /proc/net/dev.
 *
 * @example
 * linuxNetworkTotals('Inter-|…\n face |…\n  lo: 100 1 0 0 0 0 0 0 100 1 0 0 0 0 0 0\n');
 * // { receivedBytes: 100, transmittedBytes: 100 }
 */
export function linuxNetworkTotals(procNetDev: string): NetworkReading {
  let receivedBytes = 0;
  let transmittedBytes = 0;
  for (const line of procNetDev.split('\n').slice(2)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const fields = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .map(Number);
    receivedBytes += fields[0] ?? 0;
    transmittedBytes += fields[8] ?? 0;
  }
  return { receivedBytes, transmittedBytes };
}

/**
 * Linux: /proc/meminfo and /proc/net/dev.
 *
 * @example
 * const { receivedBytes } = await procReaders.network();
 */
export const procReaders: HostReaders = {
  memory: async () => linuxUsedMemory(await readFile('/proc/meminfo', 'utf8')),
  network: async () => linuxNetworkTotals(await readFile('/proc/net/dev', 'utf8')),
};

/**
 * Other platforms: systeminformation's `used` excluding caches (`active` = total − available), all interfaces.
 *
 * @example
 * const monitor = new SystemMetricsMonitor(runId, port, { hostReaders: systeminformationReaders });
 */
export const systeminformationReaders: HostReaders = {
  memory: async () => {
    const m = await (await systeminformation()).mem();
    return { totalBytes: m.total, usedBytes: m.active };
  },
  network: async () => {
    const stats = await (await systeminformation()).networkStats('*');
    return {
      receivedBytes: stats.reduce((a, s) => a + s.rx_bytes, 0),
      transmittedBytes: stats.reduce((a, s) => a + s.tx_bytes, 0),
    };
  },
};

/**
 * The readers for this platform.
 *
 * @example
 * const { usedBytes } = await defaultHostReaders().memory();
 */
export function defaultHostReaders(platform: NodeJS.Platform = process.platform): HostReaders {
  return platform === 'linux' ? procReaders : systeminformationReaders;
}
