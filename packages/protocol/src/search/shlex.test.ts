// Shell-style splitting as Python's shlex.split does it, checked against CPython 3.11.
import { describe, expect, it } from 'vitest';
import { ShlexError, shlexSplit } from './shlex.js';

describe('shlexSplit', () => {
  it.each([
    ['a b', ['a', 'b']],
    [' a  b ', ['a', 'b']],
    ['metrics."a b" DESC', ['metrics.a b', 'DESC']],
    ["a'b c'd", ['ab cd']],
    ['a\\ b', ['a b']],
    ['"a\\"b" x', ['a"b', 'x']],
    ['"a\\b"', ['a\\b']],
    ["'a\\'", ['a\\']],
    ['""', ['']],
    ["a''b", ['ab']],
    ['"a"DESC', ['aDESC']],
    ['x\\"y', ['x"y']],
  ])('%j', (input, expected) => {
    expect(shlexSplit(input)).toEqual(expected);
  });

  it.each(['"a', "'a", 'a\\'])('refuses %j', (input) => {
    expect(() => shlexSplit(input)).toThrow(ShlexError);
  });
});
