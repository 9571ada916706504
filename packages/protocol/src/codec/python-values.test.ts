// Python's int()/float()/type() on JSON values, as MLflow's checks see them.
import { describe, expect, it } from 'vitest';
import { codePointLength, pyFloat, pyInt, pyLen, pyTypeName } from './python-values.js';

describe('pyInt', () => {
  it.each([
    [12, 12],
    [1.9, 1],
    [-1.9, -1],
    [true, 1],
    [false, 0],
    ['12', 12],
    [' 12 ', 12],
    ['-3', -3],
    ['+4', 4],
    ['1_000', 1000],
  ])('int(%j) = %j', (v, n) => {
    expect(pyInt(v)).toEqual({ ok: true, value: n });
  });
  it.each([
    ['1.5', 'ValueError'],
    ['abc', 'ValueError'],
    ['', 'ValueError'],
    ['1__0', 'ValueError'],
    [NaN, 'ValueError'],
    [Infinity, 'OverflowError'],
    [null, 'TypeError'],
    [[1], 'TypeError'],
    [{}, 'TypeError'],
  ])('int(%j) raises %s', (v, error) => {
    expect(pyInt(v)).toEqual({ ok: false, error });
  });
});

describe('pyFloat', () => {
  it.each([
    [1.5, 1.5],
    [true, 1],
    ['1.5', 1.5],
    [' 2 ', 2],
    ['1e3', 1000],
    ['.5', 0.5],
    ['5.', 5],
    ['-1_0.5', -10.5],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['INFINITY', Infinity],
  ])('float(%j) = %j', (v, n) => {
    expect(pyFloat(v)).toEqual({ ok: true, value: n });
  });
  it('reads nan in any case', () => {
    const r = pyFloat('NaN');
    expect(r.ok && Number.isNaN(r.value)).toBe(true);
  });
  it.each([
    ['abc', 'ValueError'],
    ['1.2.3', 'ValueError'],
    ['', 'ValueError'],
    [null, 'TypeError'],
    [[1], 'TypeError'],
  ])('float(%j) raises %s', (v, error) => {
    expect(pyFloat(v)).toEqual({ ok: false, error });
  });
});

describe('pyTypeName / pyLen', () => {
  it.each([
    [null, 'NoneType'],
    [true, 'bool'],
    [1, 'int'],
    [1.5, 'float'],
    ['s', 'str'],
    [[], 'list'],
    [{}, 'dict'],
  ])('%j is a %s', (v, name) => {
    expect(pyTypeName(v)).toBe(name);
  });
  it('counts code points like Python', () => {
    expect(codePointLength('a\ud83d\ude00b')).toBe(3);
    expect(pyLen('a\ud83d\ude00')).toBe(2);
    expect(pyLen({ a: 1, b: 2 })).toBe(2);
    expect(pyLen(5)).toBeUndefined();
  });
});
