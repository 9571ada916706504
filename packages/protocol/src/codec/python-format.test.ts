// Python's text forms, checked against values printed by CPython 3.11.
import { describe, expect, it } from 'vitest';
import { pyFloatRepr, pyNumber, pyStrListRepr, pyStrRepr } from './python-format.js';

describe('pyFloatRepr (repr(float))', () => {
  it.each([
    [1.5, '1.5'],
    [2, '2.0'],
    [0.1, '0.1'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [Number('1.2345678901234568e17'), '1.2345678901234568e+17'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [123.456, '123.456'],
    [-0.5, '-0.5'],
    [1e21, '1e+21'],
    [1e22, '1e+22'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [100, '100.0'],
    [Number('12345678901234567'), '1.2345678901234568e+16'],
    [-1e-5, '-1e-05'],
    [0.001234, '0.001234'],
    [0, '0.0'],
    [-0, '-0.0'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
  ])('%s → %s', (x, text) => {
    expect(pyFloatRepr(x)).toBe(text);
  });

  it('prints integral numbers as Python ints, big ones in full', () => {
    expect(pyNumber(59)).toBe('59');
    expect(pyNumber(1e22)).toBe('10000000000000000000000');
    expect(pyNumber(2, true)).toBe('2.0');
  });
});

describe('pyStrRepr', () => {
  it.each([
    ["it's", `"it's"`],
    ['a"b', `'a"b'`],
    [`a'b"c`, `'a\\'b"c'`],
    ['tab\there', "'tab\\there'"],
    ['../x', "'../x'"],
  ])('%s', (s, text) => {
    expect(pyStrRepr(s)).toBe(text);
  });
  it('lists', () => {
    expect(pyStrListRepr(['dup2', 'dup2'])).toBe("['dup2', 'dup2']");
  });
});
