// The CSV of `experiments csv`: the columns of MLflow's search_runs DataFrame, written as pandas' to_csv writes them.
import type { Run } from '@mlflow-ts/protocol';

/** Python's repr of a float: shortest round trip, '.0' on integers, exponent outside 1e-4…1e16. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e16 || abs < 1e-4) {
    const [mantissa = '', exp = '0'] = x.toExponential().split('e');
    const e = Number(exp);
    return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const s = String(x);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

/**
 * pandas writes a UTC datetime column with microseconds on every row when any row has a
 * fraction of a second, and without otherwise; missing times are empty.
 */
function timeColumn(values: (number | undefined)[]): string[] {
  const withFraction = values.some((v) => v !== undefined && v % 1000 !== 0);
  return values.map((v) => {
    if (v === undefined) return '';
    const iso = new Date(v).toISOString(); // 2024-01-02T03:04:05.678Z
    const base = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
    return `${withFraction ? `${base}.${iso.slice(20, 23)}000` : base}+00:00`;
  });
}

/** A CSV cell, quoted when it holds a separator, a quote or a line break (csv.QUOTE_MINIMAL). */
function cell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The runs as CSV: run_id, experiment_id, status, artifact_uri, start_time, end_time, then
 * metrics.*, params.*, tags.* (each group sorted by key: MLflow's order there follows Python
 * set iteration, which varies between processes).
 *
 * @example
 * process.stdout.write(runsToCsv(runs));
 */
export function runsToCsv(runs: readonly Run[]): string {
  const kv = (list: { key: string; value?: unknown }[] | undefined) =>
    new Map((list ?? []).map((e) => [e.key, e.value]));
  const rows = runs.map((r) => ({
    run: r,
    metrics: kv(r.data.metrics),
    params: kv(r.data.params),
    tags: kv(r.data.tags),
  }));
  const keys = (pick: (x: (typeof rows)[number]) => Map<string, unknown>) =>
    [...new Set(rows.flatMap((x) => [...pick(x).keys()]))].sort();
  const metricKeys = keys((x) => x.metrics);
  const paramKeys = keys((x) => x.params);
  const tagKeys = keys((x) => x.tags);
  const starts = timeColumn(runs.map((r) => r.info.start_time));
  const ends = timeColumn(runs.map((r) => r.info.end_time ?? undefined));
  const header = [
    'run_id',
    'experiment_id',
    'status',
    'artifact_uri',
    'start_time',
    'end_time',
    ...metricKeys.map((k) => `metrics.${k}`),
    ...paramKeys.map((k) => `params.${k}`),
    ...tagKeys.map((k) => `tags.${k}`),
  ];
  const lines = rows.map((x, i) => {
    const metric = (k: string) => {
      const v = x.metrics.get(k);
      // A missing metric is NaN in the DataFrame, and pandas writes NaN as an empty cell.
      return typeof v === 'number' && !Number.isNaN(v) ? pyFloat(v) : '';
    };
    const text = (m: Map<string, unknown>, k: string) => {
      const v = m.get(k);
      return typeof v === 'string' ? v : '';
    };
    return [
      x.run.info.run_id,
      x.run.info.experiment_id,
      x.run.info.status,
      x.run.info.artifact_uri ?? '',
      starts[i] ?? '',
      ends[i] ?? '',
      ...metricKeys.map(metric),
      ...paramKeys.map((k) => text(x.params, k)),
      ...tagKeys.map((k) => text(x.tags, k)),
    ]
      .map(cell)
      .join(',');
  });
  return `${[header.map(cell).join(','), ...lines].join('\n')}\n`;
}
