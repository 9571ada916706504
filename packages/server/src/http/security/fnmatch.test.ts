// Glob matching cases compared with Python's fnmatch.fnmatch on Linux.
import { describe, expect, it } from 'vitest';
import { fnmatch } from './fnmatch.js';

describe('fnmatch', () => {
  it.each([
    ['localhost:5000', 'localhost:*', true],
    ['localhost', 'localhost:*', false],
    ['[::1]:5000', '[[]::1]:*', true],
    ['::1]:5000', '[[]::1]:*', false],
    ['a.b', 'a?b', true],
    ['ab', 'a?b', false],
    ['app-1.internal', 'app-*.internal', true],
    ['APP-1.internal', 'app-*.internal', false],
    ['x1', 'x[0-9]', true],
    ['xa', 'x[!0-9]', true],
    ['x1', 'x[!0-9]', false],
    ['x^', 'x[^]', true],
    ['x]', 'x[]]', true],
    ['x[', 'x[', true],
    ['a\\b', 'a\\b', true],
    ['a.b.c', '*.c', true],
    ['line\nbreak', 'line*', true],
    ['https://a.good.com', 'https://*.good.com', true],
    ['x', 'x[z-a]', false],
  ])('%j vs %j → %s', (name, pattern, expected) => {
    expect(fnmatch(name, pattern)).toBe(expected);
  });
});
