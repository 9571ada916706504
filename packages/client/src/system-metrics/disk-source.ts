// Disk usage of the root file system, MLflow's DiskMonitor metrics, from statfs as psutil.disk_usage computes them.
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { AveragedSource } from './averaged-source.js';
import { pyRound1 } from './python-round.js';

/**
 * Logs `disk_usage_percentage`, `disk_usage_megabytes` and `disk_available_megabytes` of the file
 * system holding `root` (the working directory's root by default: `/`, or the drive on Windows).
 * Used = all blocks − free blocks; available = blocks available to unprivileged users; the
 * percentage is used / (used + available), as psutil reports it.
 *
 * @example
 * const disk = new DiskSource('/');
 * await disk.collect();
 * disk.aggregate().disk_available_megabytes;
 */
export class DiskSource extends AveragedSource {
  constructor(private readonly root: string = path.parse(process.cwd()).root) {
    super();
  }

  async collect(): Promise<void> {
    const s = await statfs(this.root);
    const used = (s.blocks - s.bfree) * s.bsize;
    const available = s.bavail * s.bsize;
    const both = used + available;
    this.add('disk_usage_percentage', both > 0 ? pyRound1((used / both) * 100) : 0);
    this.add('disk_usage_megabytes', used / 1e6);
    this.add('disk_available_megabytes', available / 1e6);
  }
}
