// Host and origin predicates on edge cases, each compared with MLflow 3.18.0's security_utils in Python.
import { describe, expect, it } from 'vitest';
import { isLocalhostOrigin, shouldBlockCorsRequest } from './cors.js';
import { defaultAllowedHosts, isAllowedHostHeader } from './hosts.js';

describe('isAllowedHostHeader with the default list', () => {
  const hosts = defaultAllowedHosts();
  it('has MLflow’s 28 entries', () => {
    expect(hosts.slice(0, 10)).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      '0.0.0.0',
      'localhost:*',
      '127.0.0.1:*',
      '[[]::1]:*',
      '0.0.0.0:*',
      '192.168.*',
      '10.*',
    ]);
    expect(hosts).toHaveLength(28);
    expect(hosts.slice(-3)).toEqual(['172.31.*', 'fc00:*', 'fd00:*']);
  });
  it.each([
    ['10.1.2.3:abc', true],
    ['010.1.2.3', false],
    ['10.1.2.300', false],
    [undefined, false],
    ['', false],
  ])('%j → %s', (host, expected) => {
    expect(isAllowedHostHeader(hosts, host)).toBe(expected);
  });
});

describe('origins', () => {
  it.each([
    ['http://user@localhost', true],
    ['http://[::1', false],
    ['//localhost', true],
    ['HTTP://LOCALHOST:3000', true],
    ['null', false],
  ])('isLocalhostOrigin(%j) → %s', (origin, expected) => {
    expect(isLocalhostOrigin(origin)).toBe(expected);
  });

  it.each([
    ['https://x.com', 'POST', ['*'], false],
    ['https://x.com', 'PATCH', ['https://y.com'], true],
    ['https://x.com', 'OPTIONS', [], false],
    ['https://x.com', 'HEAD', [], false],
  ])('shouldBlockCorsRequest(%j, %s, %j) → %s', (origin, method, allowed, expected) => {
    expect(shouldBlockCorsRequest(origin, method, allowed)).toBe(expected);
  });
});
