// Python repr() of str, float and containers; every expected text was printed by CPython 3.11.
import { describe, expect, it } from 'vitest';
import { PyTuple, pyFloat, pyList, pyNumber, pyRepr, pySet, pyStr } from './python-repr.js';
import { pyJsonFloat } from './python-json.js';

describe('pyStr', () => {
  it.each([
    ['abc', "'abc'"],
    ['../x', "'../x'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' and "`, `'both \\' and "'`],
    ['back\\slash', "'back\\\\slash'"],
    ['a\nb\tc\rd\\e', String.raw`'a\nb\tc\rd\\e'`],
    ['\x00\x1f', String.raw`'\x00\x1f'`],
    ['\x7f\x80\x9f', String.raw`'\x7f\x80\x9f'`],
    ['\xa0\xad', String.raw`'\xa0\xad'`],
    [' ', "' '"],
    ['é ü 日本', "'é ü 日本'"],
    ['ünï', "'ünï'"],
    ['😀', "'😀'"],
    ['\u200b\u2028\u3000', String.raw`'\u200b\u2028\u3000'`],
    ['\u{e0001}', String.raw`'\U000e0001'`],
    ['\ud800', String.raw`'\ud800'`],
  ])('%j', (input, expected) => {
    expect(pyStr(input)).toBe(expected);
  });
});

describe('pyFloat', () => {
  it.each([
    [1, '1.0'],
    [100, '100.0'],
    [0.5, '0.5'],
    [0.1, '0.1'],
    [-2.5, '-2.5'],
    [12345.678, '12345.678'],
    [123.456, '123.456'],
    [-0.5, '-0.5'],
    [0.001234, '0.001234'],
    [-1e-5, '-1e-05'],
    [12345678901234568, '1.2345678901234568e+16'],
    [1.2345678901234568e17, '1.2345678901234568e+17'],
    [0.0001, '0.0001'],
    [1e-5, '1e-05'],
    [1e-7, '1e-07'],
    [9.943458097118422e-6, '9.943458097118422e-06'],
    [1.5e-10, '1.5e-10'],
    [1e15, '1000000000000000.0'],
    [9999999999999998, '9999999999999998.0'],
    [1234567890123456, '1234567890123456.0'],
    [1e16, '1e+16'],
    [123456789012345680000, '1.2345678901234568e+20'],
    [1e21, '1e+21'],
    [1e22, '1e+22'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [0, '0.0'],
    [-0, '-0.0'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
  ])('%d', (input, expected) => {
    expect(pyFloat(input)).toBe(expected);
  });

  it('is what json.dumps writes for finite floats', () => {
    for (const x of [0.1, 1e16, 1e-5, 123456789012345680000, -0, 100])
      expect(pyJsonFloat(x)).toBe(pyFloat(x));
    expect([NaN, Infinity, -Infinity].map(pyJsonFloat)).toEqual(['NaN', 'Infinity', '-Infinity']);
  });
});

describe('pyNumber', () => {
  it('prints integral numbers as ints (big ones in full) and the rest as floats', () => {
    expect(pyNumber(59)).toBe('59');
    expect(pyNumber(1e22)).toBe('10000000000000000000000');
    expect(pyNumber(2, true)).toBe('2.0');
    expect(pyNumber(1e-5)).toBe('1e-05');
  });
});

describe('pyList / pySet', () => {
  it('prints lists in order and sets sorted', () => {
    expect(pyList(['b', "it's"])).toBe(`['b', "it's"]`);
    expect(pyList(['dup2', 'dup2'])).toBe("['dup2', 'dup2']");
    expect(pySet(['LIKE', '=', '!='])).toBe("{'!=', '=', 'LIKE'}");
    expect(pySet([])).toBe('{}');
  });
});

describe('pyRepr', () => {
  it('prints str, None, bool, lists, dicts and tuples', () => {
    expect(pyRepr("it's")).toBe(`"it's"`);
    expect(pyRepr([{ key: 'a', old_value: '1', new_value: null }])).toBe(
      "[{'key': 'a', 'old_value': '1', 'new_value': None}]",
    );
    expect(pyRepr(new PyTuple(['x', 1795497055423, null]))).toBe("('x', 1795497055423, None)");
    expect(pyRepr(new PyTuple(['x']))).toBe("('x',)");
    expect(pyRepr(new PyTuple([]))).toBe('()');
    expect(pyRepr(undefined)).toBe('None');
  });

  it('prints integral numbers below 1e21 as ints, others as floats', () => {
    expect(pyRepr([1.5, NaN, Infinity, 1e-7, true, 1e-5])).toBe('[1.5, nan, inf, 1e-07, True, 1e-05]');
    expect(pyRepr([5, -0, 1e16, 1e21, 1e22])).toBe('[5, 0, 10000000000000000, 1e+21, 1e+22]');
  });
});
