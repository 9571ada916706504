// Handler-level request checks: search limits, metric history, search-datasets, log-model, ids.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.js';
import { errorOf, invalid } from './test-support/expect-error.js';
import { parseExperimentId, validateExperimentId, validateRunId } from './ids.js';
import { validateLogModel } from './log-model.js';
import {
  validateBulkIntervalRequest,
  validateHistoryBulkRequest,
  validateMetricHistoryMaxResults,
} from './metric-history.js';
import { validateSearchDatasetsRequest } from './search-datasets.js';
import { validateSearchExperimentsMaxResults, validateSearchRunsMaxResults } from './search.js';

const HINT = ' See the API docs for more information about request parameters.';

describe('search max_results', () => {
  it.each([
    [
      () => validateSearchRunsMaxResults(123456789),
      `Invalid value 123456789 for parameter 'max_results' supplied:  Hint: Value was of type 'int'.${HINT}`,
    ],
    [
      () => validateSearchRunsMaxResults(0),
      "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer",
    ],
    [
      () => validateSearchRunsMaxResults(-5),
      "Invalid value -5 for parameter 'max_results' supplied. It must be a positive integer",
    ],
    [
      () => validateSearchExperimentsMaxResults(0),
      "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer",
    ],
    [
      () => validateSearchExperimentsMaxResults(50001),
      "Invalid value 50001 for parameter 'max_results' supplied. It must be at most 50000",
    ],
  ])('%#', (fn, message) => {
    expect(errorOf(fn)).toEqual(invalid(message));
  });
  it('accepts 1…50000', () => {
    for (const v of [1, 1000, 50000]) {
      expect(() => validateSearchRunsMaxResults(v)).not.toThrow();
      expect(() => validateSearchExperimentsMaxResults(v)).not.toThrow();
    }
  });
});

describe('metric history', () => {
  it('get-history max_results must be positive when given', () => {
    expect(() => validateMetricHistoryMaxResults(undefined)).not.toThrow();
    expect(errorOf(() => validateMetricHistoryMaxResults(0))).toEqual(
      invalid("Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer."),
    );
  });

  const interval = { run_ids: ['r'], metric_key: 'foo' };
  it('bulk-interval steps: both or neither, start ≤ end; max_results defaults to 2500', () => {
    expect(validateBulkIntervalRequest(interval)).toEqual({ ...interval, max_results: 2500 });
    expect(
      validateBulkIntervalRequest({ ...interval, start_step: 0, end_step: 10, max_results: 3 }),
    ).toMatchObject({ max_results: 3 });
    expect(errorOf(() => validateBulkIntervalRequest({ ...interval, start_step: 1 }))).toEqual(
      invalid('If either start step or end step are specified, both must be specified.'),
    );
    expect(errorOf(() => validateBulkIntervalRequest({ ...interval, end_step: 1 }))).toEqual(
      invalid('If either start step or end step are specified, both must be specified.'),
    );
    expect(errorOf(() => validateBulkIntervalRequest({ ...interval, start_step: 5, end_step: 1 }))).toEqual(
      invalid('end_step must be greater than start_step. Found start_step=5 and end_step=1.'),
    );
  });

  it.each([
    [{ run_id: [] }, 'GetMetricHistoryBulk request must specify at least one run_id.'],
    [{ run_id: [], metric_key: 'foo' }, 'GetMetricHistoryBulk request must specify at least one run_id.'],
    [{ run_id: ['r'] }, 'GetMetricHistoryBulk request must specify a metric_key.'],
    [
      { run_id: Array.from({ length: 101 }, (_v, i) => `r${i}`), metric_key: 'x' },
      'GetMetricHistoryBulk request cannot specify more than 100 run_ids. Received 101 run_ids.',
    ],
  ])('get-history-bulk rejects %j', (req, message) => {
    expect(errorOf(() => validateHistoryBulkRequest(req))).toEqual(invalid(message));
  });
  it('get-history-bulk caps max_results at 25000 and accepts an empty metric_key', () => {
    expect(validateHistoryBulkRequest({ run_id: ['a'], metric_key: '' })).toEqual({
      run_ids: ['a'],
      metric_key: '',
      max_results: 25000,
    });
    expect(validateHistoryBulkRequest({ run_id: ['a'], metric_key: 'm', max_results: '2' }).max_results).toBe(
      2,
    );
    expect(
      validateHistoryBulkRequest({ run_id: ['a'], metric_key: 'm', max_results: '99999' }).max_results,
    ).toBe(25000);
    expect(
      errorOf(() => validateHistoryBulkRequest({ run_id: ['a'], metric_key: 'm', max_results: 'abc' }))
        .error_code,
    ).toBe(ErrorCode.INTERNAL_ERROR);
  });
});

describe('search-datasets', () => {
  it.each([
    [[], 'SearchDatasets request must specify at least one experiment_id.'],
    [
      Array.from({ length: 21 }, (_v, i) => `${i}`),
      'SearchDatasets request cannot specify more than 20 experiment_ids. Received 21 experiment_ids.',
    ],
  ])('rejects %j', (ids, message) => {
    expect(errorOf(() => validateSearchDatasetsRequest({ experiment_ids: ids }))).toEqual(invalid(message));
  });
  it('accepts 1…20 ids', () => {
    expect(() => validateSearchDatasetsRequest({ experiment_ids: ['0'] })).not.toThrow();
  });
});

describe('log-model', () => {
  it('returns the model dict', () => {
    const model = { artifact_path: 'a', flavors: {}, utc_time_created: 't', run_id: 'r' };
    expect(validateLogModel({ model_json: JSON.stringify(model) })).toEqual(model);
  });
  it.each([
    ['notjson', 'Malformed model info. \n notjson \n is not a valid JSON.'],
    [
      '{"artifact_path":"a"}',
      "Model json is missing mandatory fields: {'flavors', 'utc_time_created', 'run_id'}",
    ],
  ])('rejects %s', (json, message) => {
    expect(errorOf(() => validateLogModel({ model_json: json }))).toEqual(invalid(message));
  });
});

describe('ids', () => {
  it('run ids', () => {
    expect(() => validateRunId('419a61fa27ad4aaea8573008a3fc3958')).not.toThrow();
    expect(errorOf(() => validateRunId('bad!'))).toEqual(
      invalid('Invalid value "bad!" for parameter \'run_id\' supplied.'),
    );
    expect(errorOf(() => validateRunId(`a${'b'.repeat(256)}`)).message).toContain('Invalid value');
  });
  it('experiment ids', () => {
    expect(() => validateExperimentId('0')).not.toThrow();
    expect(() => validateExperimentId(undefined)).not.toThrow();
    expect(errorOf(() => validateExperimentId('-1'))).toEqual(invalid("Invalid experiment ID: '-1'"));
    expect(parseExperimentId('12')).toBe(12);
    expect(errorOf(() => parseExperimentId('bad id!'))).toEqual(
      invalid("Invalid experiment ID 'bad id!'. Experiment ID must be a valid integer."),
    );
  });
});
