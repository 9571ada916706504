// What every system-metrics source does: take a sample, give the values to log, forget the samples.

/**
 * One kind of system measurement (CPU, disk, network, GPU). The monitor calls `collect` once per
 * sampling interval, `aggregate` once per logging step, then `clear`.
 *
 * @example
 * const disk = new DiskSource();
 * await disk.collect();
 * disk.aggregate(); // { disk_usage_percentage: 41.2, disk_usage_megabytes: 40211.3, disk_available_megabytes: … }
 */
export interface MetricSource {
  collect(): Promise<void>;
  aggregate(): Record<string, number>;
  clear(): void;
}
