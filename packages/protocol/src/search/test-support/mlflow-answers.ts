// Reading MLflow's recorded answers (fixtures/*.py output) and comparing our parsers with them.
import { readFileSync } from 'node:fs';
import { isMlflowError } from '../../errors.js';
import type { Filter, OrderBy } from '../ast.js';
import { parseExperimentsFilter, parseExperimentsOrderBy } from '../experiments.js';
import { parseRunsFilter, parseRunsOrderBy } from '../runs.js';

export interface Answer<I, T> {
  input: I;
  ok?: T;
  /** `message: null` marks a database error whose text names one backend's SQL; only the code is compared. */
  error?: { code: string; message: string | null };
}

export interface Answers {
  runsFilter: Answer<string, Filter>[];
  runsOrderBy: Answer<string[], OrderBy[]>[];
  experimentsFilter: Answer<string, Filter>[];
  experimentsOrderBy: Answer<string[], OrderBy[]>[];
}

export const PARSERS = {
  runsFilter: parseRunsFilter,
  runsOrderBy: parseRunsOrderBy,
  experimentsFilter: parseExperimentsFilter,
  experimentsOrderBy: parseExperimentsOrderBy,
} as const;

/** Python's json writes ±Infinity bare; read them as numbers. */
export function readAnswers(path: string | URL): Answers {
  return JSON.parse(readFileSync(path, 'utf8').replace(/\bInfinity\b/g, '1e999')) as Answers;
}

export type Outcome = { ok: unknown } | { error: { code: string; message: string } };

export function outcome(run: () => unknown): Outcome {
  try {
    return { ok: run() };
  } catch (e) {
    if (!isMlflowError(e)) throw e;
    return { error: { code: e.code, message: e.message } };
  }
}

/** What MLflow records as `None` for null checks is the empty string in our AST (see ast.ts). */
function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'value' && v === null ? '' : v)));
}

/** The outcome a test should expect, or a partial match when only the error code is comparable. */
export function expected(answer: Answer<unknown, unknown>): { exact: Outcome } | { code: string } {
  if (answer.ok !== undefined) return { exact: { ok: normalise(answer.ok) } };
  const error = answer.error ?? { code: 'MISSING', message: null };
  if (error.message === null) return { code: error.code };
  return { exact: { error: { code: error.code, message: error.message } } };
}
