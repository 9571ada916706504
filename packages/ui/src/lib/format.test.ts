// Unit tests of the shared formatters.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatValue } from './format.js';

describe('formatValue', () => {
  it.each([
    [0.123456789, '0.123457'],
    [42, '42'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [1.5e-7, '1.5000e-7'],
    [12345678.9, '1.2346e+7'],
  ])('%s → %s', (v, out) => expect(formatValue(v)).toBe(out));
});

describe('formatDuration and formatBytes', () => {
  it('reads milliseconds as a person would', () => {
    expect(formatDuration(1000, 1250)).toBe('250 ms');
    expect(formatDuration(0, 5000)).toBe('—');
    expect(formatDuration(1000, 1000 + 95_000)).toBe('1 min 35 s');
    expect(formatDuration(1, 1 + 2 * 3600_000 + 60_000)).toBe('2 h 1 min');
  });
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(5 * 1024 * 1024 * 1024)).toBe('5.0 GiB');
  });
});
