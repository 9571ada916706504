// Runs every case of fixtures/mlflow-cases.json (MLflow 3.18's own answers) through our parsers.
import { describe, expect, it } from 'vitest';
import { PARSERS, expected, outcome, readAnswers, type Answer } from './test-support/mlflow-answers.js';

const answers = readAnswers(new URL('./fixtures/mlflow-cases.json', import.meta.url));

function table<I>(name: string, cases: Answer<I, unknown>[], parse: (input: I) => unknown): void {
  describe(name, () => {
    it.each(cases.map((c) => [JSON.stringify(c.input), c] as const))('%s', (_label, c) => {
      const got = outcome(() => parse(c.input));
      const want = expected(c);
      if ('exact' in want) expect(got).toEqual(want.exact);
      else expect(got).toMatchObject({ error: { code: want.code } });
    });
  });
}

table('search_runs filter', answers.runsFilter, PARSERS.runsFilter);
table('search_runs order_by', answers.runsOrderBy, PARSERS.runsOrderBy);
table('search_experiments filter', answers.experimentsFilter, PARSERS.experimentsFilter);
table('search_experiments order_by', answers.experimentsOrderBy, PARSERS.experimentsOrderBy);
