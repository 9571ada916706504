// Page tokens: round trip, and MLflow's messages for tokens it refuses (captured from MLflow 3.18's SearchUtils).
import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken } from './page-token.js';

const b64 = (s: string) => btoa(s);

describe('page tokens', () => {
  it('round-trips offsets', () => {
    for (const n of [1, 4, 1000, 123456]) expect(decodePageToken(encodePageToken(n))).toBe(n);
    expect(decodePageToken(undefined)).toBe(0);
    expect(encodePageToken(5)).toBe('eyJvZmZzZXQiOiA1fQ==');
    expect(decodePageToken('')).toBe(0);
  });

  it.each([
    ['abc', 'Invalid page token, could not base64-decode'],
    ['a=bc', 'Invalid page token, could not base64-decode'],
    [b64('not json'), "Invalid page token, decoded value=b'not json'"],
    [b64('{"offset": 0}'), "Invalid page token, parsed value={'offset': 0}"],
    [b64('{"x": 1}'), "Invalid page token, parsed value={'x': 1}"],
    [
      b64('{"offset": null, "a": [true, "q\'"]}'),
      `Invalid page token, parsed value={'offset': None, 'a': [True, "q'"]}`,
    ],
    [b64('{"offset": "ten"}'), 'Invalid page token, not stringable ten'],
  ])('refuses %s', (token, message) => {
    expect(() => decodePageToken(token)).toThrowError(message);
    try {
      decodePageToken(token);
    } catch (e) {
      expect((e as { code: string }).code).toBe('INVALID_PARAMETER_VALUE');
    }
  });

  it('reads offsets the way int() does', () => {
    expect(decodePageToken(b64('{"offset": "12"}'))).toBe(12);
    expect(decodePageToken(b64('{"offset": 7.9}'))).toBe(7);
  });
});
