// validatePathIsSafe against MLflow's validate_path_is_safe on POSIX.
import { describe, expect, it } from 'vitest';
import { validatePathIsSafe } from './path-safety.js';

describe('validatePathIsSafe', () => {
  it.each([
    ['dir/a.txt', 'dir/a.txt'],
    ['', ''],
    ['./dir', './dir'],
    ['a%20b', 'a b'],
    ['back\\slash', 'back\\slash'],
    ['x\u0001y', 'x%01y'],
  ])('accepts %j as %j', (input, output) => {
    expect(validatePathIsSafe(input)).toBe(output);
  });

  it.each([
    '../x',
    'a/../../x',
    '/abs',
    '%2E%2E/x',
    '%252E%252E/x',
    'a#b',
    'C:\\x',
    'C:/x',
    '\\\\host\\share\\x',
    'file:///etc',
    'file://h/../x',
  ])('refuses %j', (input) => {
    expect(() => validatePathIsSafe(input)).toThrow('Invalid path');
  });
});
