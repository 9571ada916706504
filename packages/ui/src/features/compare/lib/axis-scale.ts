// Maps a dimension's values onto [0, 1] for an axis: linear for numbers, evenly spaced for categories.
import { numberOf, type Dimension } from './compare-values.js';

export interface AxisScale {
  /** Position in [0, 1] (0 = bottom/left), or undefined when the run has no value. */
  position(value: string | number | undefined): number | undefined;
  /** A few labelled positions along the axis. */
  ticks: { at: number; label: string }[];
}

function numericScale(values: readonly (string | number | undefined)[]): AxisScale {
  const nums = values.map(numberOf).filter((n): n is number => n !== undefined);
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const span = hi - lo;
  const position = (v: string | number | undefined) => {
    const n = numberOf(v);
    if (n === undefined) return undefined;
    return span === 0 ? 0.5 : (n - lo) / span;
  };
  const label = (n: number) => String(Number(n.toPrecision(4)));
  const ticks =
    span === 0
      ? [{ at: 0.5, label: label(lo) }]
      : [0, 0.5, 1].map((f) => ({ at: f, label: label(lo + f * span) }));
  return { position, ticks };
}

function categoricalScale(values: readonly (string | number | undefined)[]): AxisScale {
  const categories = [...new Set(values.filter((v) => v !== undefined).map(String))].sort();
  const at = (i: number) => (categories.length === 1 ? 0.5 : i / (categories.length - 1));
  return {
    position: (v) => (v === undefined ? undefined : at(categories.indexOf(String(v)))),
    ticks: categories.map((c, i) => ({ at: at(i), label: c })),
  };
}

export function axisScale(dim: Dimension): AxisScale {
  return dim.numeric ? numericScale(dim.values) : categoricalScale(dim.values);
}
