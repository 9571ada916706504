// Name rules of metrics, params and tags; messages as a real MLflow 3.18.0 server answered them.
import { describe, expect, it } from 'vitest';
import { errorOf, invalid } from './test-support/expect-error.js';
import {
  pathNotUnique,
  posixNormpath,
  validateMetricName,
  validateParamName,
  validateTagName,
} from './names.js';

const RESOLVE =
  'Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to';
const CHARS =
  'Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).';

describe('posixNormpath (posixpath.normpath)', () => {
  it.each([
    ['', '.'],
    ['.', '.'],
    ['a/../b', 'b'],
    ['./a', 'a'],
    ['a//b', 'a/b'],
    ['//double', '//double'],
    ['///x', '/x'],
    ['../x', '../x'],
    ['a/b/', 'a/b'],
    ['/..', '/'],
    ['a/./b/..', 'a'],
  ])('%j → %j', (p, n) => {
    expect(posixNormpath(p)).toBe(n);
  });
  it('flags names that are not their own normal form', () => {
    expect(['a', 'a b', 'x.y', 'a/b', 'ünï cödé_ok'].map(pathNotUnique)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['', '.', '../a', '/abs', 'a/', 'a//b'].map(pathNotUnique)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});

describe('name validators', () => {
  it.each([
    [() => validateTagName('a/../b'), `Invalid value "a/../b" for parameter 'key' supplied: ${RESOLVE} 'b'`],
    [() => validateTagName('./a'), `Invalid value "./a" for parameter 'key' supplied: ${RESOLVE} 'a'`],
    [() => validateTagName('a//b'), `Invalid value "a//b" for parameter 'key' supplied: ${RESOLVE} 'a/b'`],
    [() => validateTagName("it's"), `Invalid value "it's" for parameter 'key' supplied: ${CHARS}`],
    [() => validateTagName('.'), `Invalid value "." for parameter 'key' supplied: ${RESOLVE} '.'`],
    [
      () => validateTagName('/abs', 'tags[0].key'),
      `Invalid value "/abs" for parameter 'tags[0].key' supplied: ${RESOLVE} '/abs'`,
    ],
    [() => validateTagName(''), `Invalid value "" for parameter 'key' supplied: ${RESOLVE} '.'`],
    [() => validateTagName(undefined), "Missing value for required parameter 'key'."],
    [() => validateParamName('bad!'), `Invalid value "bad!" for parameter 'key' supplied: ${CHARS}`],
    [
      () => validateParamName('//double'),
      `Invalid value "//double" for parameter 'key' supplied: ${RESOLVE} '//double'`,
    ],
    [
      () => validateParamName('x!', 'params[2].key'),
      `Invalid value "x!" for parameter 'params[2].key' supplied: ${CHARS}`,
    ],
    [
      () => validateParamName(null),
      `Invalid value "" for parameter 'key' supplied: A key name must be provided.`,
    ],
    [
      () => validateMetricName('../x'),
      `Invalid value "../x" for parameter 'name' supplied: ${RESOLVE} '../x'`,
    ],
    [() => validateMetricName('a#b'), `Invalid value "a#b" for parameter 'name' supplied: ${CHARS}`],
    [
      () => validateMetricName('../a', 'metrics[1].name'),
      `Invalid value "../a" for parameter 'metrics[1].name' supplied: ${RESOLVE} '../a'`,
    ],
    [
      () => validateMetricName(null),
      `Invalid value null for parameter 'name' supplied: Metric name cannot be None. A key name must be provided.`,
    ],
  ])('%#: %s', (fn, message) => {
    expect(errorOf(fn)).toEqual(invalid(message));
  });

  it('accepts Unicode word characters, spaces, colons and inner slashes', () => {
    for (const name of ['ünï cödé_ok', 'a b/c:d', 'metric_1.x-y', 'α/β']) {
      expect(() => validateMetricName(name)).not.toThrow();
      expect(() => validateParamName(name)).not.toThrow();
      expect(() => validateTagName(name)).not.toThrow();
    }
  });
});
