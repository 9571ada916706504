// pythonJsonDumps against strings produced by Python's json.dumps for the same values.
import { describe, expect, it } from 'vitest';
import { PyFloat, pythonJsonDumps } from './python-json.js';

describe('pythonJsonDumps', () => {
  it.each([
    [{ a: 1, b: [true, null, 'x'] }, '{"a": 1, "b": [true, null, "x"]}'],
    [{ s: 'é ✓ 😀 "q" \\ \n\t\u0001' }, '{"s": "\\u00e9 \\u2713 \\ud83d\\ude00 \\"q\\" \\\\ \\n\\t\\u0001"}'],
    [{ f: new PyFloat(100), g: 105.5, h: 1e-7, i: 1e22 }, '{"f": 100.0, "g": 105.5, "h": 1e-07, "i": 1e+22}'],
    [{ description: null, tags: {} }, '{"description": null, "tags": {}}'],
  ])('%j', (value, expected) => {
    expect(pythonJsonDumps(value)).toBe(expected);
  });
});
