// Run id and experiment id formats (mlflow/utils/validation.py).
import { pyInt } from '../codec/python-values.js';
import { invalidParameter, invalidValueMessage } from './messages.js';

// Python's \w is Unicode-aware; {0,255} counts code points (hence the u flag)
const RUN_ID = /^[a-zA-Z0-9][\p{L}\p{N}_-]{0,255}$/u;
const EXPERIMENT_ID = /^[a-zA-Z0-9][\p{L}\p{N}_-]{0,63}$/u;

/** MLflow's _validate_run_id: "Invalid value \"x!\" for parameter 'run_id' supplied." */
export function validateRunId(runId: string, path = 'run_id'): void {
  if (!RUN_ID.test(runId)) throw invalidParameter(invalidValueMessage(path, runId));
}

/** MLflow's _validate_experiment_id (None passes). */
export function validateExperimentId(experimentId: string | null | undefined): void {
  if (experimentId !== null && experimentId !== undefined && !EXPERIMENT_ID.test(experimentId)) {
    throw invalidParameter(`Invalid experiment ID: '${experimentId}'`);
  }
}

/** The SQL store's _parse_experiment_id: ids are integers (Python int() rules). */
export function parseExperimentId(experimentId: string | number): number {
  const r = pyInt(experimentId);
  if (!r.ok) {
    throw invalidParameter(
      `Invalid experiment ID '${String(experimentId)}'. Experiment ID must be a valid integer.`,
    );
  }
  return r.value;
}
