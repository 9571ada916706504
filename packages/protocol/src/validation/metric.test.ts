// validateMetric: ok and error tables (messages as a real MLflow 3.18.0 server answered them).
import { describe, expect, it } from 'vitest';
import { errorOf, invalid } from './test-support/expect-error.js';
import { validateMetric, type MetricFields } from './metric.js';

const m = (over: Partial<MetricFields>): MetricFields => ({
  key: 'loss',
  value: 1,
  timestamp: 1,
  step: 0,
  ...over,
});

describe('validateMetric', () => {
  it.each([
    [m({})],
    [m({ value: NaN })],
    [m({ value: -Infinity, timestamp: 0 })],
    [m({ key: 'k'.repeat(250) })],
    [m({ step: -3 })],
  ])('accepts %j', (metric) => {
    expect(() => validateMetric(metric)).not.toThrow();
  });

  it.each<[MetricFields, string, string]>([
    [
      m({ key: 'foo', value: 2, timestamp: -1 }),
      '',
      "Invalid value -1 for parameter 'timestamp' supplied: metric 'foo' (value=2.0). Timestamp must be a nonnegative long (64-bit integer) ",
    ],
    [
      m({ key: 'a', value: 1, timestamp: -3 }),
      'metrics[0]',
      "Invalid value -3 for parameter 'metrics[0].timestamp' supplied: metric 'a' (value=1.0). Timestamp must be a nonnegative long (64-bit integer) ",
    ],
    [
      m({ key: 'a', value: -Infinity, timestamp: -5 }),
      '',
      "Invalid value -5 for parameter 'timestamp' supplied: metric 'a' (value=-inf). Timestamp must be a nonnegative long (64-bit integer) ",
    ],
    [m({ key: 'k'.repeat(251) }), '', "'Metric name' exceeds the maximum length of 250 characters"],
    [
      m({ key: '../a' }),
      'metrics[1]',
      `Invalid value "../a" for parameter 'metrics[1].name' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '../a'`,
    ],
    [m({ value: null }), '', "Missing value for required parameter 'value'."],
    [
      m({ value: true, timestamp: 7 }),
      '',
      "Invalid value true for parameter 'value' supplied: (timestamp=7). Please specify value as a valid double (64-bit floating point)",
    ],
    [
      m({ value: 1.5, step: 'x' }),
      '',
      "Invalid value \"x\" for parameter 'step' supplied: metric 'loss' (value=1.5). Step must be a valid long (64-bit integer).",
    ],
  ])('%#: rejects %j', (metric, path, message) => {
    expect(errorOf(() => validateMetric(metric, path))).toEqual(invalid(message));
  });
});
