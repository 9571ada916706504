// likeToRegExp: SQL LIKE patterns for in-memory matching.
import { describe, expect, it } from 'vitest';
import { likeToRegExp } from './like.js';

describe('likeToRegExp', () => {
  it.each([
    ['run-%', 'run-1', false, true],
    ['run-%', 'Run-1', false, false],
    ['run-%', 'Run-1', true, true],
    ['a_c', 'abc', false, true],
    ['a_c', 'abbc', false, false],
    ['%.txt', 'x.txt', false, true],
    ['%.txt', 'xtxt', false, false],
    ['(a)+[b]', '(a)+[b]', false, true],
    ['%', 'multi\nline', false, true],
    ['é%', 'ÉCOLE', true, true],
    ['a\\%', 'a\\anything', false, true],
  ])('%j matches %j (ignore case: %s) → %s', (pattern, value, ci, expected) => {
    expect(likeToRegExp(pattern, ci).test(value)).toBe(expected);
  });
});
