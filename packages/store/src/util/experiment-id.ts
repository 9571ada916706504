// Experiment ids are strings on the wire and integers in SQL; parsed the way Python's int() reads them.
import { MlflowError } from '@mlflow-ts/protocol';

const PY_INT = /^[+-]?\d+(?:_\d+)*$/;

/**
 * `"12"`, `" 12 "`, `"+12"`, `"1_2"` → 12, as Python's int() accepts; anything else is
 * MLflow's INVALID_PARAMETER_VALUE.
 */
export function parseExperimentId(experimentId: string): number {
  const text = experimentId.trim();
  if (!PY_INT.test(text)) {
    throw MlflowError.invalidParameter(
      `Invalid experiment ID '${experimentId}'. Experiment ID must be a valid integer.`,
    );
  }
  return Number(text.replace(/_/g, ''));
}

export function parseExperimentIds(experimentIds: readonly string[]): number[] {
  return experimentIds.map(parseExperimentId);
}

/**
 * MLflow's experiment_id column is INTEGER, 32 bits on PostgreSQL and MySQL: a larger id names no
 * experiment there (PostgreSQL would even refuse the comparison), and neither MLflow nor we ever
 * create one on SQLite. Lookups treat such ids as unknown; id lists drop them.
 */
export function isStorableExperimentId(id: number): boolean {
  return id >= -2147483648 && id <= 2147483647;
}

/** Parsed ids that can name an experiment; the rest match nothing. */
export function parseStorableExperimentIds(experimentIds: readonly string[]): number[] {
  return parseExperimentIds(experimentIds).filter(isStorableExperimentId);
}
