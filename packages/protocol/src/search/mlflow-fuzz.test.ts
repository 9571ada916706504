// Differential check against a large random sample answered by MLflow (fixtures/fuzz-mlflow.py); opt-in.
import { env } from 'node:process';
import { describe, expect, it } from 'vitest';
import { PARSERS, expected, outcome, readAnswers, type Answers } from './test-support/mlflow-answers.js';

const path = env.MLFLOW_SEARCH_FUZZ;

/** MLflow answers these with an accident (a 500 from Python or the database); runs.test.ts pins ours. */
function knownDifference(message: string | null | undefined): boolean {
  return /^(malformed node or string|Python int too large)/.test(message ?? '');
}

describe.runIf(path)('MLflow differential sample', () => {
  const answers: Answers = path
    ? readAnswers(path)
    : { runsFilter: [], runsOrderBy: [], experimentsFilter: [], experimentsOrderBy: [] };

  it.each(Object.keys(PARSERS) as (keyof Answers)[])('%s agrees with MLflow', (section) => {
    const parse = PARSERS[section] as (input: unknown) => unknown;
    const mismatches: unknown[] = [];
    for (const answer of answers[section]) {
      if (knownDifference(answer.error?.message)) continue;
      const got = outcome(() => parse(answer.input));
      const want = expected(answer);
      const same =
        'exact' in want
          ? JSON.stringify(got) === JSON.stringify(want.exact)
          : 'error' in got && got.error.code === want.code;
      if (!same) mismatches.push({ input: answer.input, mlflow: answer.ok ?? answer.error, ours: got });
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});
