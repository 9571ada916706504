// Python's urllib.parse.urlparse and unquote, as far as MLflow's URI checks rely on them.
import { handlerCrash } from '../codec/internal-error.js';

export interface ParsedUrl {
  readonly scheme: string;
  readonly netloc: string;
  readonly path: string;
  readonly params: string;
  readonly query: string;
  readonly fragment: string;
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+\-.]*$/;
// schemes whose last path segment may carry ";params" (urllib's uses_params)
const USES_PARAMS = new Set([
  '',
  'ftp',
  'hdl',
  'prospero',
  'http',
  'imap',
  'https',
  'shttp',
  'rtsp',
  'rtspu',
  'sip',
  'sips',
  'mms',
  'sftp',
  'tel',
]);

/** urllib.parse.urlparse (Python 3.11 rules: leading C0/space stripped, tab/CR/LF removed). */
export function pyUrlparse(input: string): ParsedUrl {
  // eslint-disable-next-line no-control-regex
  let url = input.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  let scheme = '';
  const colon = url.indexOf(':');
  if (colon > 0 && SCHEME_CHARS.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  let netloc = '';
  if (url.startsWith('//')) {
    const rest = url.slice(2);
    const end = rest.search(/[/?#]/);
    netloc = end < 0 ? rest : rest.slice(0, end);
    url = end < 0 ? '' : rest.slice(end);
    if (netloc.includes('[') !== netloc.includes(']')) throw handlerCrash('Invalid IPv6 URL');
  }
  let fragment = '';
  let query = '';
  const hash = url.indexOf('#');
  if (hash >= 0) [url, fragment] = [url.slice(0, hash), url.slice(hash + 1)];
  const q = url.indexOf('?');
  if (q >= 0) [url, query] = [url.slice(0, q), url.slice(q + 1)];
  let params = '';
  if (USES_PARAMS.has(scheme) && url.includes(';')) {
    const semi = url.includes('/') ? url.indexOf(';', url.lastIndexOf('/')) : url.indexOf(';');
    if (semi >= 0) [url, params] = [url.slice(0, semi), url.slice(semi + 1)];
  }
  return { scheme, netloc, path: url, params, query, fragment };
}

/** `.hostname` and `.port` of a parsed URL; a port that is not a number in 0–65535 is `malformed`. */
export function hostAndPort(netloc: string): { hostname: string; port: number | null | 'malformed' } {
  const hostinfo = netloc.slice(netloc.lastIndexOf('@') + 1);
  let hostname: string;
  let port: string;
  const open = hostinfo.indexOf('[');
  if (open >= 0) {
    const bracketed = hostinfo.slice(open + 1);
    const close = bracketed.indexOf(']');
    hostname = close < 0 ? bracketed : bracketed.slice(0, close);
    const after = close < 0 ? '' : bracketed.slice(close + 1);
    port = after.includes(':') ? after.slice(after.indexOf(':') + 1) : '';
  } else {
    const c = hostinfo.indexOf(':');
    hostname = c < 0 ? hostinfo : hostinfo.slice(0, c);
    port = c < 0 ? '' : hostinfo.slice(c + 1);
  }
  const pct = hostname.indexOf('%');
  hostname = pct < 0 ? hostname.toLowerCase() : hostname.slice(0, pct).toLowerCase() + hostname.slice(pct);
  if (port === '') return { hostname, port: null };
  if (!/^[0-9]+$/.test(port) || Number(port) > 65535) return { hostname, port: 'malformed' };
  return { hostname, port: Number(port) };
}

/** urllib.parse.unquote: %XX sequences decoded as UTF-8 (invalid bytes → U+FFFD), others kept. */
export function pyUnquote(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  });
}
