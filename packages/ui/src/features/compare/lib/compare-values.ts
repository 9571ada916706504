// The values compared across runs: params, latest metrics and tags, as rows and as plottable dimensions.
import type { Run } from '@mlflow-ts/protocol';

export type ValueKind = 'param' | 'metric';

/** One compared quantity: a param or a metric key, with each run's value (undefined: not logged). */
export interface Dimension {
  id: string;
  kind: ValueKind;
  key: string;
  values: (string | number | undefined)[];
  /** Every logged value is a finite number, so it can sit on a numeric axis. */
  numeric: boolean;
  /** The runs do not all have the same value (a missing value counts as a value). */
  differs: boolean;
}

function sameEverywhere(values: readonly (string | number | undefined)[]): boolean {
  return values.every((v) => v === values[0]);
}

function isNumeric(values: readonly (string | number | undefined)[]): boolean {
  const logged = values.filter((v) => v !== undefined);
  return logged.length > 0 && logged.every((v) => v !== '' && Number.isFinite(Number(v)));
}

function dimension(kind: ValueKind, key: string, values: (string | number | undefined)[]): Dimension {
  return {
    id: `${kind}:${key}`,
    kind,
    key,
    values,
    numeric: isNumeric(values),
    differs: !sameEverywhere(values),
  };
}

/** Params first, then metrics, each sorted by key; a run missing a key has undefined there. */
export function compareDimensions(runs: readonly Run[]): Dimension[] {
  const params = new Map<string, (string | undefined)[]>();
  const metrics = new Map<string, (number | undefined)[]>();
  runs.forEach((run, i) => {
    for (const p of run.data.params ?? []) {
      const row = params.get(p.key) ?? new Array<string | undefined>(runs.length).fill(undefined);
      row[i] = p.value;
      params.set(p.key, row);
    }
    for (const m of run.data.metrics ?? []) {
      const row = metrics.get(m.key) ?? new Array<number | undefined>(runs.length).fill(undefined);
      row[i] = m.value;
      metrics.set(m.key, row);
    }
  });
  const byKey = (a: [string, unknown], b: [string, unknown]) => a[0].localeCompare(b[0]);
  return [
    ...[...params].sort(byKey).map(([k, v]) => dimension('param', k, v)),
    ...[...metrics].sort(byKey).map(([k, v]) => dimension('metric', k, v)),
  ];
}

/** How a value shows in the table: numbers compactly, missing as an em dash. */
export function formatValue(v: string | number | undefined): string {
  if (v === undefined) return '—';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (Number.isInteger(v)) return String(v);
    return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6 ? String(Number(v.toPrecision(6))) : v.toExponential(4);
  }
  return v;
}

/** A value as a number on a numeric axis; undefined when it is missing or not a finite number. */
export function numberOf(v: string | number | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
