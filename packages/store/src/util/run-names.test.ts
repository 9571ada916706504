// Generated run names follow MLflow's adjective-noun-number shape and length limit.
import { describe, expect, it } from 'vitest';
import { generateRunName } from './run-names.js';

describe('generateRunName', () => {
  it('is adjective-noun-number with the number in 0..1000 and at most 20 characters', () => {
    for (let i = 0; i < 500; i++) {
      const name = generateRunName();
      expect(name).toMatch(/^[a-z]+-[a-z]+-(\d|[1-9]\d{1,2}|1000)$/);
      expect(name.length).toBeLessThanOrEqual(20);
    }
  });

  it('reaches both ends of the number range', () => {
    expect(generateRunName(() => 0)).toMatch(/-0$/);
    expect(generateRunName(() => 0.9999999)).toMatch(/-1000$/);
  });
});
