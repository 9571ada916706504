// CORS policy: which cross-origin requests are blocked, and the CORS headers of preflight and simple responses.
import { fnmatch } from './fnmatch.js';

/** Methods that change state; only these are ever blocked cross-origin. */
const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** Hosts whose origins always pass the blocking check, whatever their scheme or port. */
const LOCALHOST_ORIGIN_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Origins answered with Access-Control-Allow-Origin without being listed: plain-http loopback. */
const LOCALHOST_ORIGIN_RE = /^(?:http:\/\/localhost|http:\/\/127\.0\.0\.1|http:\/\/\[::1\])(?::[0-9]+)?$/;

const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS, PATCH';
/** With the `*` origin list MLflow allows every method Starlette knows, QUERY included. */
const ALL_METHODS = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY';
const PREFLIGHT_VARY =
  'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network';

/** The host of an origin as Python's urlparse reports it (lower-cased, IPv6 without brackets), or null. */
export function originHostname(origin: string): string | null {
  const m = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/([^/?#]*)/.exec(origin);
  if (!m) return null;
  const hostPort = (m[1] ?? '').slice((m[1] ?? '').lastIndexOf('@') + 1);
  let host: string;
  if (hostPort.includes('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) return null;
    host = hostPort.slice(hostPort.indexOf('[') + 1, close);
  } else {
    host = hostPort.split(':')[0] ?? '';
  }
  return host === '' ? null : host.toLowerCase();
}

export function isLocalhostOrigin(origin: string): boolean {
  const host = originHostname(origin);
  return host !== null && LOCALHOST_ORIGIN_HOSTS.has(host);
}

/** True when a request must be refused with 403: a state-changing method from a foreign origin. */
export function shouldBlockCorsRequest(
  origin: string | undefined,
  method: string,
  allowed: readonly string[],
): boolean {
  if (!origin || !STATE_CHANGING_METHODS.has(method)) return false;
  if (isLocalhostOrigin(origin)) return false;
  if (allowed.includes('*')) return false;
  return !allowed.some((a) => (a.includes('*') ? fnmatch(origin, a) : origin === a));
}

export type HeaderList = [name: string, value: string][];

/**
 * The CORS answer of the server for one configured origin list. Reflection follows Starlette's
 * CORSMiddleware as MLflow configures it: listed origins match exactly (globs are not expanded here,
 * as in MLflow), loopback http origins always match, and `*` switches to non-credentialed CORS.
 */
export class CorsPolicy {
  readonly wildcard: boolean;
  constructor(private readonly allowedOrigins: readonly string[]) {
    this.wildcard = allowedOrigins.includes('*');
  }

  reflects(origin: string): boolean {
    return this.wildcard || LOCALHOST_ORIGIN_RE.test(origin) || this.allowedOrigins.includes(origin);
  }

  /** Status, body and headers of the answer to an OPTIONS request with Origin and Access-Control-Request-Method. */
  preflight(origin: string, method: string, requestHeaders: string | undefined, privateNetwork: boolean) {
    const headers: HeaderList = [['vary', PREFLIGHT_VARY]];
    if (this.wildcard) headers.push(['access-control-allow-origin', '*']);
    headers.push(['access-control-allow-methods', this.wildcard ? ALL_METHODS : ALLOWED_METHODS]);
    headers.push(['access-control-max-age', '600']);
    if (!this.wildcard) headers.push(['access-control-allow-credentials', 'true']);
    const failures: string[] = [];
    if (!this.reflects(origin)) failures.push('origin');
    else if (!this.wildcard) headers.push(['access-control-allow-origin', origin]);
    const methods = this.wildcard ? ALL_METHODS : ALLOWED_METHODS;
    if (!methods.split(', ').includes(method)) failures.push('method');
    // Every header is allowed, so the requested list is echoed back as sent.
    if (requestHeaders !== undefined) headers.push(['access-control-allow-headers', requestHeaders]);
    if (privateNetwork) failures.push('private-network');
    const status = failures.length === 0 ? 200 : 400;
    const body = failures.length === 0 ? 'OK' : `Disallowed CORS ${failures.join(', ')}`;
    return { status, body, headers };
  }

  /** Headers added to every other response (besides `Vary: Origin`, which every response gets). */
  simple(origin: string | undefined): HeaderList {
    const headers: HeaderList = [];
    if (origin !== undefined) {
      if (this.wildcard) headers.push(['access-control-allow-origin', '*']);
      else headers.push(['access-control-allow-credentials', 'true']);
      headers.push(['access-control-expose-headers', '*']);
      if (!this.wildcard && this.reflects(origin)) headers.push(['access-control-allow-origin', origin]);
    }
    return headers;
  }
}
