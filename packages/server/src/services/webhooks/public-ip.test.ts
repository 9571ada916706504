// isPublicIp against Python's answers (MLflow's _is_public_ip) for the special ranges and transition formats.
import { describe, expect, it } from 'vitest';
import { isPublicIp, pythonIpText } from './public-ip.js';

describe('isPublicIp', () => {
  it.each([
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['224.0.0.1', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['100.64.0.1', false],
    ['169.254.169.254', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['2001:db8::1', false],
    ['2001:4860::1', true],
    ['::ffff:8.8.8.8', true],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['2002:7f00:1::', false],
    ['2002:808:808::', true],
    ['64:ff9b::a00:1', false],
    ['64:ff9b::808:808', true],
  ])('%s → %s', (ip, expected) => {
    expect(isPublicIp(ip)).toBe(expected);
  });
});

describe('pythonIpText', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    ['::', '::'],
    ['::ffff:127.0.0.1', '::ffff:7f00:1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['1:0:2:0:3:0:4:0', '1:0:2:0:3:0:4:0'],
  ])('%s → %s', (ip, expected) => {
    expect(pythonIpText(ip)).toBe(expected);
  });
});
