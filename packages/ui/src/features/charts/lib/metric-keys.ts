// The metric keys of a set of runs, and the case-insensitive filter over them.
import type { Run } from '@mlflow-ts/protocol';

/** Every key any of the runs logged (from their latest metrics), sorted. */
export function metricKeysOf(runs: readonly (Run | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const run of runs) for (const m of run?.data.metrics ?? []) keys.add(m.key);
  return [...keys].sort((a, b) => a.localeCompare(b));
}

export function filterKeys(keys: readonly string[], filter: string): string[] {
  const needle = filter.trim().toLowerCase();
  return needle === '' ? [...keys] : keys.filter((k) => k.toLowerCase().includes(needle));
}
