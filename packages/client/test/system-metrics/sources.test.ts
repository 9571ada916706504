// The metric sources: names, units and aggregation as MLflow's CPU/disk/network/GPU monitors, on fakes and on this host.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type os from 'node:os';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CpuMemorySource,
  DiskSource,
  GpuSource,
  linuxNetworkTotals,
  linuxUsedMemory,
  NetworkSource,
  parseNvidiaSmiCsv,
  procReaders,
  systeminformationReaders,
  type HostReaders,
} from '../../src/system-metrics/index.js';

function cpu(user: number, idle: number): os.CpuInfo {
  return { model: 'x', speed: 1, times: { user, nice: 0, sys: 0, idle, irq: 0 } };
}

/** Host readers answering the given readings in turn (the last one repeats). */
function fakeReaders(
  memory: { totalBytes: number; usedBytes: number }[],
  network: [number, number][],
): HostReaders {
  let m = 0;
  let n = 0;
  return {
    memory: async () => memory[Math.min(m++, memory.length - 1)] as { totalBytes: number; usedBytes: number },
    network: async () => {
      const [receivedBytes, transmittedBytes] = network[Math.min(n++, network.length - 1)] as [
        number,
        number,
      ];
      return { receivedBytes, transmittedBytes };
    },
  };
}

describe('CpuMemorySource', () => {
  it('CPU busy share since the previous sample, memory in MB and percent, averaged and rounded', async () => {
    // Two cores: baseline, then +30 busy / +70 idle (30 %), then +50 busy / +50 idle (50 %).
    const readings = [
      [cpu(100, 100), cpu(100, 100)],
      [cpu(115, 135), cpu(115, 135)],
      [cpu(140, 160), cpu(140, 160)],
    ];
    let i = 0;
    const source = new CpuMemorySource(
      fakeReaders(
        [
          { totalBytes: 8e9, usedBytes: 2e9 },
          { totalBytes: 8e9, usedBytes: 3e9 },
        ],
        [[0, 0]],
      ),
      () => readings[Math.min(i++, readings.length - 1)] as os.CpuInfo[],
    );
    await source.collect();
    await source.collect();
    expect(source.aggregate()).toEqual({
      cpu_utilization_percentage: 40,
      system_memory_usage_megabytes: 2500,
      system_memory_usage_percentage: 31.2, // 31.25: Python rounds the exact tie to even
    });
    source.clear();
    expect(source.aggregate()).toEqual({});
  });

  it('no CPU time elapsed reads as 0 %', async () => {
    const same = [cpu(1, 1)];
    const source = new CpuMemorySource(fakeReaders([{ totalBytes: 1, usedBytes: 1 }], [[0, 0]]), () => same);
    await source.collect();
    expect(source.aggregate().cpu_utilization_percentage).toBe(0);
  });

  it('on this host: values in range', async () => {
    const source = new CpuMemorySource();
    await new Promise((r) => setTimeout(r, 50));
    await source.collect();
    const a = source.aggregate();
    expect(a.cpu_utilization_percentage).toBeGreaterThanOrEqual(0);
    expect(a.cpu_utilization_percentage).toBeLessThanOrEqual(100);
    expect(a.system_memory_usage_megabytes).toBeGreaterThan(0);
    expect(a.system_memory_usage_percentage).toBeGreaterThan(0);
    expect(a.system_memory_usage_percentage).toBeLessThan(100);
  });
});

describe('host readers', () => {
  it('psutil formula on /proc/meminfo: total − free − buffers − cached − reclaimable slab', () => {
    const text = [
      'MemTotal:       1000 kB',
      'MemFree:         200 kB',
      'MemAvailable:    600 kB',
      'Buffers:          50 kB',
      'Cached:          100 kB',
      'SwapCached:        7 kB',
      'SReclaimable:     50 kB',
      'HugePages_Total:   0',
    ].join('\n');
    expect(linuxUsedMemory(text)).toEqual({ totalBytes: 1024000, usedBytes: 600 * 1024 });
  });

  it('negative used (caches over-reported) falls back to total − free', () => {
    const text = 'MemTotal: 1000 kB\nMemFree: 600 kB\nBuffers: 300 kB\nCached: 300 kB\n';
    expect(linuxUsedMemory(text).usedBytes).toBe(400 * 1024);
  });

  it('/proc/net/dev: all interfaces summed', () => {
    const text = [
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
      '    lo:  1000      10    0    0    0     0          0         0  1000      10    0    0    0     0       0          0',
      '  eth0:2000000    100    0    0    0     0          0         0 30000     50    0    0    0     0       0          0',
      '',
    ].join('\n');
    expect(linuxNetworkTotals(text)).toEqual({ receivedBytes: 2001000, transmittedBytes: 31000 });
  });

  it.runIf(process.platform === 'linux')('/proc and systeminformation agree on total memory', async () => {
    const proc = await procReaders.memory();
    const si = await systeminformationReaders.memory();
    expect(si.totalBytes).toBe(proc.totalBytes);
    expect(proc.usedBytes).toBeGreaterThan(0);
    expect(si.usedBytes).toBeGreaterThan(0);
    const net = await systeminformationReaders.network();
    expect(net.receivedBytes).toBeGreaterThanOrEqual(0);
  });
});

/** Python is the reference here; without it the comparison cannot run (loud locally, fatal in CI). */
const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) {
  if (process.env.CI === 'true') throw new Error('python3 is needed for the comparison with Python');
  console.warn('SKIPPING the comparison with Python: python3 not found');
}

describe.runIf(hasPython)('DiskSource', () => {
  it('matches psutil.disk_usage computed from statvfs by Python', async () => {
    const source = new DiskSource('/');
    await source.collect();
    const a = source.aggregate();
    const py = JSON.parse(
      execFileSync('python3', [
        '-c',
        'import os,json; s=os.statvfs("/"); used=(s.f_blocks-s.f_bfree)*s.f_frsize; free=s.f_bavail*s.f_frsize; ' +
          'print(json.dumps([round(used/(used+free)*100,1), used/1e6, free/1e6]))',
      ]).toString(),
    ) as [number, number, number];
    expect(a.disk_usage_percentage).toBeCloseTo(py[0], 0);
    // Other processes write meanwhile: a few MB of slack.
    expect(Math.abs((a.disk_usage_megabytes ?? 0) - py[1])).toBeLessThan(200);
    expect(Math.abs((a.disk_available_megabytes ?? 0) - py[2])).toBeLessThan(200);
  });
});

describe('NetworkSource', () => {
  it('bytes since start in MB; the latest sample, not a mean', async () => {
    const source = new NetworkSource(
      fakeReaders(
        [{ totalBytes: 1, usedBytes: 1 }],
        [
          [5e6, 1e6],
          [6e6, 1.5e6],
          [9e6, 2e6],
        ],
      ),
    );
    await source.start();
    await source.collect();
    await source.collect();
    expect(source.aggregate()).toEqual({ network_receive_megabytes: 4, network_transmit_megabytes: 1 });
    source.clear();
    expect(source.aggregate()).toEqual({});
  });

  it('collect without start takes the baseline first', async () => {
    const source = new NetworkSource(fakeReaders([{ totalBytes: 1, usedBytes: 1 }], [[7, 7]]));
    await source.collect();
    expect(source.aggregate()).toEqual({ network_receive_megabytes: 0, network_transmit_megabytes: 0 });
  });
});

// The stand-in nvidia-smi is a POSIX shell script.
describe.runIf(process.platform !== 'win32')('GpuSource (nvidia-smi)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mlflow-ts-smi-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  /** A stand-in nvidia-smi printing `outputs` in turn (via a counter file), exiting with `code`. */
  async function fakeSmi(name: string, outputs: string[], code = 0): Promise<string> {
    const file = path.join(dir, name);
    const cases = outputs.map((o, i) => `  ${i}) printf '%s' '${o}' ;;`).join('\n');
    const last = outputs.length - 1;
    await writeFile(
      file,
      `#!/bin/sh
echo "$@" > "${file}.args"
n=$(cat "${file}.count" 2>/dev/null || echo 0)
echo $((n + 1)) > "${file}.count"
[ "$n" -gt ${last} ] && n=${last}
case $n in
${cases}
esac
exit ${code}
`,
    );
    await chmod(file, 0o755);
    return file;
  }

  it('parses the CSV, N/A fields become null, junk lines are ignored', () => {
    expect(
      parseNvidiaSmiCsv(
        '0, 1024, 16384, 37, 70.5, 300.00\r\n1, [N/A], 8192, 5, [Not Supported], 250\nNo devices\n',
      ),
    ).toEqual([
      {
        index: 0,
        memoryUsedMiB: 1024,
        memoryTotalMiB: 16384,
        utilizationPercent: 37,
        powerDrawWatts: 70.5,
        powerLimitWatts: 300,
      },
      {
        index: 1,
        memoryUsedMiB: null,
        memoryTotalMiB: 8192,
        utilizationPercent: 5,
        powerDrawWatts: null,
        powerLimitWatts: 250,
      },
    ]);
  });

  it('absent nvidia-smi, a failing one, or no GPU listed: no GPU source', async () => {
    expect(await GpuSource.detect(path.join(dir, 'missing-nvidia-smi'))).toBeNull();
    expect(await GpuSource.detect(await fakeSmi('failing', ['NVIDIA-SMI has failed'], 9))).toBeNull();
    expect(await GpuSource.detect(await fakeSmi('empty', ['']))).toBeNull();
  });

  it("MLflow's per-GPU metrics, averaged; unreported groups skipped with one warning each", async () => {
    const smi = await fakeSmi('two-gpus', [
      '0, 1024, 4096, 30, 100, 400\n1, 512, 1024, [N/A], [N/A], 250\n', // detection
      '0, 1024, 4096, 30, 100, 400\n1, 512, 1024, [N/A], [N/A], 250\n',
      '0, 2048, 4096, 41, 150, 400\n1, 256, 1024, [N/A], [N/A], 250\n',
    ]);
    const warnings: string[] = [];
    const gpu = await GpuSource.detect(smi, (m) => warnings.push(m));
    expect(gpu).not.toBeNull();
    await gpu?.collect();
    await gpu?.collect();
    expect(gpu?.aggregate()).toEqual({
      gpu_0_memory_usage_percentage: 37.5,
      gpu_0_memory_usage_megabytes: 1610.6,
      gpu_0_utilization_percentage: 35.5,
      gpu_0_power_usage_watts: 125,
      gpu_0_power_usage_percentage: 31.2,
      gpu_1_memory_usage_percentage: 37.5,
      gpu_1_memory_usage_megabytes: 402.7,
    });
    expect(warnings).toEqual([
      'nvidia-smi does not report utilization for GPU 1; those metrics are not logged.',
      'nvidia-smi does not report power usage for GPU 1; those metrics are not logged.',
    ]);
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(`${smi}.args`, 'utf8')).trim()).toBe(
      '--query-gpu=index,memory.used,memory.total,utilization.gpu,power.draw,enforced.power.limit --format=csv,noheader,nounits',
    );
  });
});
