// Host header validation against DNS rebinding: MLflow's default allow-list and its matching rules.
import { isIPv4, isIPv6 } from 'node:net';
import { fnmatch } from './fnmatch.js';

const LOCALHOST_HOSTS = ['localhost', '127.0.0.1', '[::1]', '0.0.0.0'];
const PRIVATE_IPV6_PATTERNS = ['fc00:*', 'fd00:*'];

/** Patterns shaped like an IPv4 prefix (`10.*`, `192.168.*:5000`); they must only match IP literals. */
const IPV4_PREFIX_GLOB = /^(?:[0-9]+\.)+\*(?:\.(?:[0-9]+|\*))*(?::[0-9*]+)?$/;

/**
 * MLflow's default allowed hosts: loopback names with and without any port, and the private
 * IPv4/IPv6 ranges. The server's own port is not added: `localhost:*` already covers it.
 */
export function defaultAllowedHosts(): string[] {
  // '[' opens a character class in a glob, so the bracket of '[::1]' is escaped as '[[]'.
  const withPort = LOCALHOST_HOSTS.map((h) => `${h.replace(/^\[/, '[[]')}:*`);
  const private172 = Array.from({ length: 16 }, (_, i) => `172.${16 + i}.*`);
  return [...LOCALHOST_HOSTS, ...withPort, '192.168.*', '10.*', ...private172, ...PRIVATE_IPV6_PATTERNS];
}

function isIPv4Host(host: string): boolean {
  const colon = host.indexOf(':');
  return isIPv4(colon === -1 ? host : host.slice(0, colon));
}

/** A zone id (`fc00::1%evil.com`) would let any text through, so it is refused. */
function isIPv6Host(host: string): boolean {
  return !host.includes('%') && isIPv6(host);
}

function matchesHostPattern(host: string, pattern: string): boolean {
  if (!fnmatch(host, pattern)) return false;
  // `10.*` must not let `10.evil.com` through.
  if (IPV4_PREFIX_GLOB.test(pattern)) return isIPv4Host(host);
  // Only the two default IPv6 patterns get this check: `db:*` is a host name on any port.
  if (PRIVATE_IPV6_PATTERNS.includes(pattern)) return isIPv6Host(host);
  return true;
}

/** True when the Host header value is allowed: exact match, or glob match when the entry has `*`. */
export function isAllowedHostHeader(allowedHosts: readonly string[], host: string | undefined): boolean {
  if (!host) return false;
  if (allowedHosts.includes('*')) return true;
  return allowedHosts.some((allowed) =>
    allowed.includes('*') ? matchesHostPattern(host, allowed) : host === allowed,
  );
}
