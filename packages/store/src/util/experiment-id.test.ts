// Experiment ids parse like Python's int(), with MLflow's message otherwise.
import { describe, expect, it } from 'vitest';
import { parseExperimentId } from './experiment-id.js';

describe('parseExperimentId', () => {
  it.each([
    ['0', 0],
    [' 12 ', 12],
    ['+7', 7],
    ['1_000', 1000],
    ['-3', -3],
  ])('%j → %d', (input, expected) => {
    expect(parseExperimentId(input)).toBe(expected);
  });

  it.each(['', 'abc', '1.5', '1__0', '_1'])('%j is rejected', (input) => {
    expect(() => parseExperimentId(input)).toThrow(
      `Invalid experiment ID '${input}'. Experiment ID must be a valid integer.`,
    );
  });
});
