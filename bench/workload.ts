// What a workload is: a named piece of code run against one server's base URL, giving one sample per repetition.
import type { RunningServer, ServerKind } from './server-process.js';
import type { SeedInfo } from './seed-rows.js';
import type { Size } from './sizes.js';

/** One number a workload reports; `better` decides which way the ratio is taken. */
export interface MeasureDef {
  key: string;
  label: string;
  unit: string;
  better: 'higher' | 'lower';
  /** Resolution: smaller values are noise and count as this much in the ratio (RSS growth can read 0). */
  floor?: number;
}

/** Values of one repetition against one server, by measure key; 'n/a' when the server lacks the feature. */
export type Sample = Record<string, number> | 'n/a';

/** What workload 7 measures of one server start. */
export interface StartupSample {
  startupMs: number;
  idleRssMiB: number;
}

export interface WorkloadContext {
  server: RunningServer;
  seed: SeedInfo;
  size: Size;
  rep: number;
  /** Scratch directory of this bench run. */
  workDir: string;
  /** Start-up time and idle RSS of `server`, read before any load (only when workload 7 is selected). */
  initial: StartupSample | undefined;
  /** Starts another server of the same kind on a fresh copy of the seeded database (the caller stops it). */
  startFresh: () => Promise<RunningServer>;
}

export interface Workload {
  id: number;
  title: string;
  /** Sizes and concurrency, printed with the table. */
  shape: (size: Size) => string;
  measures: MeasureDef[];
  /** Whether this server kind may answer 'n/a' (a feature still being built). */
  mayBeNa?: (kind: ServerKind) => boolean;
  run: (ctx: WorkloadContext) => Promise<Sample>;
}
