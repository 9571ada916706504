// validateParam and validateRunTag: keys, value limits and MLflow's default truncation.
import { describe, expect, it } from 'vitest';
import { errorOf, invalid } from './test-support/expect-error.js';
import { validateParam } from './param.js';
import { validateRunTag } from './run-tag.js';

describe('validateParam', () => {
  it('returns the param, a missing value read as ""', () => {
    expect(validateParam({ key: 'lr', value: '0.1' })).toEqual({ key: 'lr', value: '0.1' });
    expect(validateParam({ key: 'p2' })).toEqual({ key: 'p2', value: '' });
  });
  it('truncates values over 6000 characters by default (MLFLOW_TRUNCATE_LONG_VALUES=true; recorded: 200)', () => {
    expect(validateParam({ key: 'long', value: 'x'.repeat(6001) }).value).toHaveLength(6000);
    expect(validateParam({ key: 'e', value: '\u{1F600}'.repeat(6001) }).value).toBe('\u{1F600}'.repeat(6000));
  });
  it('rejects them when truncation is off', () => {
    expect(
      errorOf(() => validateParam({ key: 'long', value: 'x'.repeat(6001) }, { truncateLongValues: false })),
    ).toEqual(invalid("'Param value' exceeds the maximum length of 6000 characters"));
  });
  it.each([
    [{ key: 'k'.repeat(251), value: 'v' }, '', "'Param key' exceeds the maximum length of 250 characters"],
    [
      { key: 'k'.repeat(251), value: 'x' },
      'params[0]',
      "'Param key' exceeds the maximum length of 250 characters",
    ],
    [
      { key: 'bad!', value: 'v' },
      '',
      'Invalid value "bad!" for parameter \'key\' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).',
    ],
    [
      { key: '', value: 'v' },
      'params[0]',
      "Invalid value \"\" for parameter 'params[0].key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '.'",
    ],
  ])('%#: rejects %j', (param, path, message) => {
    expect(errorOf(() => validateParam(param, { path }))).toEqual(invalid(message));
  });
});

describe('validateRunTag', () => {
  it('returns the tag; values over 8000 characters are truncated by default', () => {
    expect(validateRunTag({ key: 't3' })).toEqual({ key: 't3', value: '' });
    expect(validateRunTag({ key: 'longtag', value: 'x'.repeat(8001) }).value).toHaveLength(8000);
  });
  it.each([
    [{ key: 'k'.repeat(251), value: 'x' }, '', {}, "'key' exceeds the maximum length of 250 characters"],
    [
      { key: 'k'.repeat(251), value: 'x' },
      'tags[0]',
      {},
      "'tags[0].key' exceeds the maximum length of 250 characters",
    ],
    [
      { key: 't', value: 'x'.repeat(8001) },
      'tags[3]',
      { truncateLongValues: false },
      "'tags[3].value' exceeds the maximum length of 8000 characters",
    ],
    [
      { key: '/abs', value: '1' },
      'tags[0]',
      {},
      "Invalid value \"/abs\" for parameter 'tags[0].key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '/abs'",
    ],
  ])('%#: rejects %j', (tag, path, options, message) => {
    expect(errorOf(() => validateRunTag(tag, { path, ...options }))).toEqual(invalid(message));
  });
});
