// pyRepr renders values the way Python's repr() does in MLflow's error messages.
import { describe, expect, it } from 'vitest';
import { PyTuple, pyRepr } from './py-repr.js';

describe('pyRepr', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", `"it's"`],
    [`both ' and "`, `'both \\' and "'`],
    ['tab\tnew\nline\\', "'tab\\tnew\\nline\\\\'"],
    ['\u0001', "'\\x01'"],
    ['ünï', "'ünï'"],
  ])('str %j', (input, expected) => {
    expect(pyRepr(input)).toBe(expected);
  });

  it('lists, dicts, tuples, None and numbers', () => {
    expect(pyRepr([{ key: 'a', old_value: '1', new_value: null }])).toBe(
      "[{'key': 'a', 'old_value': '1', 'new_value': None}]",
    );
    expect(pyRepr(new PyTuple(['x', 1795497055423, null]))).toBe("('x', 1795497055423, None)");
    expect(pyRepr(new PyTuple(['x']))).toBe("('x',)");
    expect(pyRepr([1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e-7, true])).toBe(
      '[1.5, nan, inf, 1e-07, True]',
    );
  });
});
