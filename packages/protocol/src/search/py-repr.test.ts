// Python repr() of strings and floats, checked against CPython 3.11's own output.
import { describe, expect, it } from 'vitest';
import { pyFloat, pyList, pySet, pyStr } from './py-repr.js';

describe('pyStr', () => {
  it.each([
    ['abc', "'abc'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' and "`, `'both \\' and "'`],
    ['back\\slash', "'back\\\\slash'"],
    ['tab\tnew\nret\r', "'tab\\tnew\\nret\\r'"],
    ['\x00\x1f\x7f', "'\\x00\\x1f\\x7f'"],
    ['é ü 日本', "'é ü 日本'"],
    ['\u200b zero-width', "'\\u200b zero-width'"],
    ['\u00a0nbsp', "'\\xa0nbsp'"],
    ['😀', "'😀'"],
    ['\u{e0001}', "'\\U000e0001'"],
    ['\ud800', "'\\ud800'"],
  ])('%j', (input, expected) => {
    expect(pyStr(input)).toBe(expected);
  });
});

describe('pyFloat', () => {
  it.each([
    [1, '1.0'],
    [0.5, '0.5'],
    [1e-5, '1e-05'],
    [1e20, '1e+20'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [123456789012345, '123456789012345.0'],
    [1234567890123456, '1234567890123456.0'],
    [-0, '-0.0'],
    [0.1, '0.1'],
    [1.5e-10, '1.5e-10'],
    [0.0001, '0.0001'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [-2.5, '-2.5'],
    [100, '100.0'],
    [1e22, '1e+22'],
    [12345.678, '12345.678'],
    [Infinity, 'inf'],
    [NaN, 'nan'],
  ])('%d', (input, expected) => {
    expect(pyFloat(input)).toBe(expected);
  });
});

describe('pyList / pySet', () => {
  it('prints lists in order and sets sorted', () => {
    expect(pyList(['b', "it's"])).toBe(`['b', "it's"]`);
    expect(pySet(['LIKE', '=', '!='])).toBe("{'!=', '=', 'LIKE'}");
    expect(pySet([])).toBe('{}');
  });
});
