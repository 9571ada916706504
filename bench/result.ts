// The result file's shape, and how samples of the two servers become medians and a ratio.
import { median } from './stats.js';
import type { MeasureDef } from './workload.js';

export type Value = number | 'n/a' | null;

export interface MeasureResult extends MeasureDef {
  mlflow: Value;
  mlflowTs: Value;
  /** > 1 means mlflow-ts is better; see ratioKind for the direction. */
  ratio: Value;
  ratioKind: 'mlflow-ts ÷ MLflow' | 'MLflow ÷ mlflow-ts';
  samples: { mlflow: Value[]; mlflowTs: Value[] };
}

export interface WorkloadResult {
  id: number;
  title: string;
  shape: string;
  measures: MeasureResult[];
  errors: string[];
}

export interface BenchResult {
  meta: {
    startedAt: string;
    size: string;
    backend: string;
    reps: number;
    mlflowVersion: string;
    mlflowWorkers: number;
    mlflowTsCommand: string;
    node: string;
    cpus: number;
    note: string;
  };
  workloads: WorkloadResult[];
}

/** Median of a server's samples: 'n/a' if any repetition said so, null if a repetition failed. */
export function medianValue(samples: Value[]): Value {
  if (samples.length === 0 || samples.includes(null)) return null;
  if (samples.includes('n/a')) return 'n/a';
  return median(samples as number[]);
}

export function summarise(def: MeasureDef, mlflowSamples: Value[], tsSamples: Value[]): MeasureResult {
  const mlflow = medianValue(mlflowSamples);
  const mlflowTs = medianValue(tsSamples);
  let ratio: Value = null;
  if (mlflow === 'n/a' || mlflowTs === 'n/a') ratio = 'n/a';
  else if (typeof mlflow === 'number' && typeof mlflowTs === 'number') {
    const [a, b] = [Math.max(mlflow, def.floor ?? 0), Math.max(mlflowTs, def.floor ?? 0)];
    ratio = def.better === 'higher' ? b / a : a / b;
  }
  return {
    ...def,
    mlflow,
    mlflowTs,
    ratio,
    ratioKind: def.better === 'higher' ? 'mlflow-ts ÷ MLflow' : 'MLflow ÷ mlflow-ts',
    samples: { mlflow: mlflowSamples, mlflowTs: tsSamples },
  };
}
