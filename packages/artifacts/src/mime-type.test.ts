// guessMimeType against MLflow's _guess_mime_type.
import { describe, expect, it } from 'vitest';
import { guessMimeType } from './mime-type.js';

describe('guessMimeType', () => {
  it.each([
    ['a.txt', 'text/plain'],
    ['d/conf.yaml', 'text/plain'],
    ['data.json', 'text/plain'],
    ['MLmodel', 'text/plain'],
    ['pic.png', 'image/png'],
    ['page.html', 'text/html'],
    ['blob', 'application/octet-stream'],
    ['x.unknownext', 'application/octet-stream'],
  ])('%s → %s', (name, type) => {
    expect(guessMimeType(name)).toBe(type);
  });
});
