// validateLogBatch and the raw-size check; messages recorded from a real MLflow 3.18.0 server.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.js';
import { errorOf, invalid } from './test-support/expect-error.js';
import { validateLogBatch, validateLogBatchRequestSize } from './log-batch.js';

const RUN = '419a61fa27ad4aaea8573008a3fc3958';
const metric = (key = 'a', over = {}) => ({ key, value: 1, timestamp: 1, step: 0, ...over });
const batch = (over: Partial<Parameters<typeof validateLogBatch>[0]>) => ({
  run_id: RUN,
  metrics: [],
  params: [],
  tags: [],
  ...over,
});
const n = <T>(count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_v, i) => make(i));

describe('validateLogBatch', () => {
  it('passes a full batch and returns params and tags to store (long values truncated)', () => {
    const out = validateLogBatch(
      batch({
        metrics: n(997, (i) => metric(`m${i % 7}`)).map((m, i) => ({
          ...m,
          value: i,
          timestamp: i,
          step: i,
        })),
        params: [{ key: 'long', value: 'x'.repeat(6001) }, { key: 'np' }],
        tags: [{ key: 'longtag', value: 'y'.repeat(8001) }],
      }) as never,
    );
    expect(out.params.map((p) => p.value.length)).toEqual([6000, 0]);
    expect(out.tags[0]?.value).toHaveLength(8000);
  });

  it.each([
    [batch({ run_id: 'bad!' }), 'Invalid value "bad!" for parameter \'run_id\' supplied.'],
    [batch({ run_id: '' }), 'Invalid value "" for parameter \'run_id\' supplied.'],
    [
      batch({ metrics: n(1001, () => metric()) as never }),
      'A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.',
    ],
    [
      batch({ params: n(101, (i) => ({ key: `a${i}`, value: '1' })) }),
      'A batch logging request can contain at most 100 params. Got 101 params. Please split up params across multiple requests and try again.',
    ],
    [
      batch({ tags: n(101, (i) => ({ key: `a${i}`, value: '1' })) }),
      'A batch logging request can contain at most 100 tags. Got 101 tags. Please split up tags across multiple requests and try again.',
    ],
    [
      batch({
        metrics: n(950, () => metric()) as never,
        params: n(60, (i) => ({ key: `p${i}`, value: '1' })),
      }),
      'A batch logging request can contain at most 1000 metrics, params, and tags. Got 1010 metrics, params, and tags. Please split up metrics, params, and tags across multiple requests and try again.',
    ],
    [
      batch({
        params: [
          { key: 'dup', value: '1' },
          { key: 'dup', value: '2' },
        ],
      }),
      "Duplicate parameter keys have been submitted: ['dup']. Please ensure the request contains only one param value per param key.",
    ],
    [
      batch({ params: n(3, () => ({ key: 'dup2', value: '1' })) }),
      "Duplicate parameter keys have been submitted: ['dup2', 'dup2']. Please ensure the request contains only one param value per param key.",
    ],
    [
      batch({ params: [{ key: 'k'.repeat(251), value: 'x' }] }),
      "'Param key' exceeds the maximum length of 250 characters",
    ],
    [
      batch({ tags: [{ key: 'k'.repeat(251), value: 'x' }] }),
      "'tags[0].key' exceeds the maximum length of 250 characters",
    ],
    [
      batch({ metrics: [metric('k'.repeat(251))] as never }),
      "'Metric name' exceeds the maximum length of 250 characters",
    ],
    [
      batch({ metrics: [metric('ok'), metric('../a')] as never }),
      "Invalid value \"../a\" for parameter 'metrics[1].name' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '../a'",
    ],
    [
      batch({ metrics: [metric('a', { timestamp: -3 })] as never }),
      "Invalid value -3 for parameter 'metrics[0].timestamp' supplied: metric 'a' (value=1.0). Timestamp must be a nonnegative long (64-bit integer) ",
    ],
    [
      batch({ metrics: [metric('a'), metric('a', { timestamp: -3 })] as never }),
      "Invalid value -3 for parameter 'metrics[1].timestamp' supplied: metric 'a' (value=1.0). Timestamp must be a nonnegative long (64-bit integer) ",
    ],
    [
      batch({
        params: [
          { key: 'ok', value: '1' },
          { key: 'a b/c:d', value: '1' },
          { key: 'x!', value: '1' },
        ],
      }),
      'Invalid value "x!" for parameter \'params[2].key\' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).',
    ],
    [
      batch({ params: [{ key: '', value: 'v' }] }),
      "Invalid value \"\" for parameter 'params[0].key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '.'",
    ],
    // per-entity checks come before the count limits, as in MLflow
    [
      batch({ metrics: [...n(1000, () => metric()), metric('bad#')] as never }),
      'Invalid value "bad#" for parameter \'metrics[1000].name\' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).',
    ],
  ])('%#', (req, message) => {
    expect(errorOf(() => validateLogBatch(req as never))).toEqual(invalid(message));
  });

  it('rejects long values when truncation is off', () => {
    expect(
      errorOf(() =>
        validateLogBatch(batch({ params: [{ key: 'p', value: 'x'.repeat(6001) }] }), {
          truncateLongValues: false,
        }),
      ),
    ).toEqual(invalid("'Param value' exceeds the maximum length of 6000 characters"));
  });
});

describe('validateLogBatchRequestSize', () => {
  it('passes dicts and short double-encoded strings', () => {
    expect(() => validateLogBatchRequestSize({ run_id: 'r' })).not.toThrow();
    expect(() => validateLogBatchRequestSize('{}')).not.toThrow();
  });
  it('refuses a string body over 1,000,000 characters', () => {
    expect(errorOf(() => validateLogBatchRequestSize(`"${'x'.repeat(1_000_000)}"`))).toEqual(
      invalid('Batched logging API requests must be at most 1000000 bytes, got a request of size 1000002.'),
    );
  });
  it('crashes like MLflow (500) on an empty body', () => {
    expect(errorOf(() => validateLogBatchRequestSize(undefined)).error_code).toBe(ErrorCode.INTERNAL_ERROR);
    expect(errorOf(() => validateLogBatchRequestSize(null)).error_code).toBe(ErrorCode.INTERNAL_ERROR);
  });
});
