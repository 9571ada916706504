// System metrics (CPU, memory, disk, network, NVIDIA GPUs) sampled and logged to a run under `system/`.
export { AveragedSource } from './averaged-source.js';
export { CpuMemorySource } from './cpu-memory-source.js';
export { DiskSource } from './disk-source.js';
export { GpuSource } from './gpu-source.js';
export {
  defaultHostReaders,
  linuxNetworkTotals,
  linuxUsedMemory,
  procReaders,
  systeminformationReaders,
  type HostReaders,
  type MemoryReading,
  type NetworkReading,
} from './host-readers.js';
export type { MetricSource } from './metric-source.js';
export {
  ENABLE_SYSTEM_METRICS_ENV,
  NODE_ID_ENV,
  resolveMonitorSettings,
  SAMPLES_BEFORE_LOGGING_ENV,
  SAMPLING_INTERVAL_ENV,
  systemMetricsEnabledByEnv,
  type MonitorSettings,
  type MonitorSettingsOptions,
} from './monitor-settings.js';
export { NetworkSource } from './network-source.js';
export { NVIDIA_SMI_FIELDS, parseNvidiaSmiCsv, type GpuReading } from './nvidia-smi-csv.js';
export { pyRound1, roundedMean } from './python-round.js';
export {
  startSystemMetricsMonitor,
  SYSTEM_METRICS_PREFIX,
  SystemMetricsMonitor,
  type SystemMetricsMonitorOptions,
} from './system-metrics-monitor.js';
export {
  runsWithSystemMetrics,
  startRunSystemMetrics,
  stopRunSystemMetrics,
  type RunSystemMetricsOptions,
} from './run-monitors.js';
