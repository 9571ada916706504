// Experiment name, experiment tags (incl. trace-archival tags), custom views; messages recorded from MLflow 3.18.0.
import { describe, expect, it } from 'vitest';
import { errorOf, invalid } from './test-support/expect-error.js';
import {
  validateCustomViewCount,
  validateCustomViewTagWrite,
  validateExperimentName,
  validateExperimentTag,
} from './experiment.js';

const CUSTOM_VIEW_LIMIT =
  'the maximum number of custom views per experiment is 50. Delete an existing custom view before creating a new one.';

describe('validateExperimentName', () => {
  it('accepts names up to 500 characters', () => {
    expect(() => validateExperimentName('n'.repeat(500))).not.toThrow();
  });
  it.each([
    ['   ', "Invalid experiment name: '   '"],
    ['', "Invalid experiment name: ''"],
    [null, "Invalid experiment name: 'None'"],
    ['n'.repeat(501), "'name' exceeds the maximum length of 500 characters"],
  ])('rejects %j', (name, message) => {
    expect(errorOf(() => validateExperimentName(name))).toEqual(invalid(message));
  });
});

describe('validateExperimentTag', () => {
  it('accepts values up to 20000 characters and a bare archive-now config', () => {
    expect(() => validateExperimentTag({ key: 'k', value: 'v'.repeat(20000) })).not.toThrow();
    expect(() => validateExperimentTag({ key: 'mlflow.trace.archiveNow', value: '{}' })).not.toThrow();
    expect(() =>
      validateExperimentTag({
        key: 'mlflow.trace.archivalRetention',
        value: '{"type":"duration","value":"30d"}',
      }),
    ).not.toThrow();
  });
  it.each([
    [{ key: 'k', value: 'v'.repeat(20001) }, "'value' exceeds the maximum length of 20000 characters"],
    [{ key: 'k'.repeat(251), value: 'v' }, "'key' exceeds the maximum length of 250 characters"],
    [
      { key: 'bad!', value: 'v' },
      'Invalid value "bad!" for parameter \'key\' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).',
    ],
    [
      { key: '', value: 'v' },
      "Invalid value \"\" for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '.'",
    ],
    [
      { key: 'mlflow.trace.archivalRetention', value: 'notjson' },
      'Trace archival config must be encoded as a JSON object.',
    ],
    [
      { key: 'mlflow.trace.archivalRetention', value: '{"type":"x"}' },
      "Trace archival config must use type 'duration'.",
    ],
    [
      { key: 'mlflow.trace.archivalRetention', value: '{"type":"duration","value":"5x"}' },
      "Trace archival retention must be in the form `<int><unit>`, where unit is one of 'm', 'h', or 'd'.",
    ],
    [
      { key: 'mlflow.trace.archivalRetention', value: `{"type":"duration","value":"${'1'.repeat(33)}d"}` },
      'Trace archival duration must be at most 32 characters.',
    ],
  ])('%#: rejects %j', (tag, message) => {
    expect(errorOf(() => validateExperimentTag(tag))).toEqual(invalid(message));
  });
});

describe('custom views', () => {
  const views = (n: number) => Array.from({ length: n }, (_v, i) => ({ key: `mlflow.customView.view${i}` }));
  it('allows 50 on a new experiment, not 51', () => {
    expect(() => validateCustomViewCount([...views(50), { key: 'other' }])).not.toThrow();
    expect(errorOf(() => validateCustomViewCount(views(51)))).toEqual(
      invalid(`Unable to create another custom view; ${CUSTOM_VIEW_LIMIT}`),
    );
  });
  it('refuses a 51st on an existing experiment but lets existing ones be overwritten', () => {
    const keys = views(50).map((v) => v.key);
    expect(() => validateCustomViewTagWrite(keys, 'mlflow.customView.view3', '7')).not.toThrow();
    expect(() => validateCustomViewTagWrite(keys, 'plain', '7')).not.toThrow();
    expect(errorOf(() => validateCustomViewTagWrite(keys, 'mlflow.customView.viewNew', '7'))).toEqual(
      invalid(`Unable to create another custom view for experiment 7; ${CUSTOM_VIEW_LIMIT}`),
    );
  });
});
