// Prints a bench result as a plain-text table (one row per measure, ratios oriented so > 1 favours mlflow-ts).
import type { BenchResult, Value } from './result.js';

function fmt(v: Value): string {
  if (v === null) return 'FAILED';
  if (v === 'n/a') return 'n/a';
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  return abs >= 100 ? v.toFixed(0) : abs >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

/** The table as printed by `npm run bench`. */
export function formatTable(result: BenchResult): string {
  const m = result.meta;
  const lines = [
    `mlflow-ts vs MLflow ${m.mlflowVersion} — size ${m.size}, backend ${m.backend}, ${m.reps} rep(s) alternating A/B, ` +
      `medians; node ${m.node}, ${m.cpus} CPUs`,
    `MLflow: uvicorn with ${m.mlflowWorkers} workers (its default); mlflow-ts: 1 process (${m.mlflowTsCommand})`,
    'ratio: throughput = mlflow-ts ÷ MLflow; latency, time and memory = MLflow ÷ mlflow-ts (> 1 favours mlflow-ts);',
    'RSS growth below 1 MiB counts as 1 MiB in the ratio (sampling noise).',
    '',
  ];
  const header = `${pad('#', 3)}${pad('measure', 34)}${pad('unit', 8)}${pad('MLflow', 11, true)}${pad('mlflow-ts', 11, true)}${pad('ratio', 9, true)}`;
  lines.push(header, '-'.repeat(header.length));
  for (const w of result.workloads) {
    lines.push(`${pad(String(w.id), 3)}${w.title} — ${w.shape}`);
    for (const x of w.measures) {
      const ratio = typeof x.ratio === 'number' ? `${fmt(x.ratio)}×` : fmt(x.ratio);
      lines.push(
        `${pad('', 3)}${pad(`  ${x.label}`, 34)}${pad(x.unit, 8)}${pad(fmt(x.mlflow), 11, true)}${pad(fmt(x.mlflowTs), 11, true)}${pad(ratio, 9, true)}`,
      );
    }
    for (const e of w.errors) lines.push(`${pad('', 3)}  ! ${e}`);
  }
  lines.push('', m.note);
  return lines.join('\n');
}
