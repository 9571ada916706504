// Unit tests of the running-run poll interval.
import { describe, expect, it } from 'vitest';
import { pollInterval, RUNNING_POLL_MS } from './poll-interval.js';

describe('pollInterval', () => {
  it('polls every five seconds while answers are quick', () => {
    expect(pollInterval(0)).toBe(RUNNING_POLL_MS);
    expect(pollInterval(900)).toBe(5000);
  });

  it('backs off to four times a slow answer', () => {
    expect(pollInterval(2500)).toBe(10_000);
  });
});
