// Network traffic since the monitor started, MLflow's NetworkMonitor metrics (the latest sample, not averaged).
import type { MetricSource } from './metric-source.js';
import { defaultHostReaders, type HostReaders, type NetworkReading } from './host-readers.js';

/**
 * Logs `network_receive_megabytes` and `network_transmit_megabytes`: bytes over all interfaces
 * since `start()` (counters are cumulative since boot, so the first reading is the baseline).
 *
 * @example
 * const net = new NetworkSource();
 * await net.start();
 * await net.collect();
 * net.aggregate(); // { network_receive_megabytes: 0.01, network_transmit_megabytes: 0.002 }
 */
export class NetworkSource implements MetricSource {
  private initial: NetworkReading | null = null;
  private latest: Record<string, number> = {};

  constructor(private readonly readers: HostReaders = defaultHostReaders()) {}

  /** Takes the baseline. */
  async start(): Promise<void> {
    this.initial = await this.readers.network();
  }

  async collect(): Promise<void> {
    if (this.initial === null) await this.start();
    const now = await this.readers.network();
    const base = this.initial as NetworkReading;
    this.latest = {
      network_receive_megabytes: now.receivedBytes / 1e6 - base.receivedBytes / 1e6,
      network_transmit_megabytes: now.transmittedBytes / 1e6 - base.transmittedBytes / 1e6,
    };
  }

  aggregate(): Record<string, number> {
    return { ...this.latest };
  }

  clear(): void {
    this.latest = {};
  }
}
