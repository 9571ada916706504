// pythonJsonDumps against outputs of Python's json.dumps with default arguments.
import { describe, expect, it } from 'vitest';
import { pythonJsonDumps } from './python-json-dumps.js';

describe('pythonJsonDumps', () => {
  it.each([
    [{ a: 1, b: [true, null, 'x'] }, '{"a": 1, "b": [true, null, "x"]}'],
    [[], '[]'],
    [{}, '{}'],
    ['é ☃ 𝄞', '"\\u00e9 \\u2603 \\ud834\\udd1e"'],
    ['tab\tquote"', '"tab\\tquote\\""'],
    [0.1, '0.1'],
    [1e-7, '1e-07'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
    [{ skip: undefined, keep: 0 }, '{"keep": 0}'],
  ])('%j', (value, expected) => {
    expect(pythonJsonDumps(value)).toBe(expected);
  });
});
