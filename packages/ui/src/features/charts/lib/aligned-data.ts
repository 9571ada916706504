// Joins several runs' points on one shared x array, the column layout uPlot draws from.
import type { EnvelopePoint } from './envelope-points.js';

/** uPlot's AlignedData shape: x first, then one column per series (null where a series has no point). */
export type Columns = [number[], ...(number | null)[][]];

export interface AlignOptions {
  /** A log scale cannot show values ≤ 0: they become gaps. */
  log: boolean;
  /** Applied to each run's line (not its band), e.g. EMA smoothing. */
  smooth: (ys: (number | null)[]) => (number | null)[];
}

const positiveOnly = (v: number | null): number | null => (v !== null && v > 0 ? v : null);

/**
 * Three columns per run, in order: line, band low, band high. x values shared by several runs
 * appear once; two points of one run on the same x (a wall-clock tie) keep the later one.
 */
export function alignRuns(runs: readonly EnvelopePoint[][], options: AlignOptions): Columns {
  const xs = [...new Set(runs.flatMap((points) => points.map((p) => p.x)))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const columns: Columns = [xs];
  for (const points of runs) {
    const line: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    const lo = line.slice();
    const hi = line.slice();
    const at: number[] = [];
    const ys: (number | null)[] = [];
    for (const p of points) {
      at.push(index.get(p.x) as number);
      ys.push(p.y);
    }
    const smoothed = options.smooth(ys);
    points.forEach((p, k) => {
      const i = at[k] as number;
      const clean = options.log ? positiveOnly : (v: number | null) => v;
      line[i] = clean(smoothed[k] ?? null);
      lo[i] = clean(p.lo);
      hi[i] = clean(p.hi);
    });
    columns.push(line, lo, hi);
  }
  return columns;
}

/** How many line points a chart draws (the number the bench reports). */
export function drawnPoints(columns: Columns): number {
  let n = 0;
  for (let s = 1; s < columns.length; s += 3) for (const v of columns[s] ?? []) if (v !== null) n++;
  return n;
}
