// Which request paths the security middleware treats as API, health or notebook-renderer paths.

/** Exempt from the Host check; MLflow registers them under the static prefix only. */
const HEALTH_PATHS = ['/health', '/version'];

/** MLflow keeps these test routes out of CORS blocking and the OPTIONS 204 rewrite. */
const TEST_PATHS = new Set(['/test', '/api/test']);

/** The artifact router is mounted without the static prefix, so these count as API paths either way. */
const UNPREFIXED_API_PREFIXES = [
  '/api/2.0/mlflow-artifacts/artifacts',
  '/ajax-api/2.0/mlflow-artifacts/artifacts',
];

/** Notebook trace renderer assets are meant to be framed, so they never get X-Frame-Options. */
export const TRACE_RENDERER_ASSET_PATH = '/static-files/lib/notebook-trace-renderer';

export interface SecurityPaths {
  isApi(path: string): boolean;
  isHealth(path: string): boolean;
}

/** Path predicates for one server; `staticPrefix` is '' or e.g. '/mlflow' (a trailing '/' is ignored). */
export function securityPaths(staticPrefix: string): SecurityPaths {
  const prefix = staticPrefix.replace(/\/+$/, '');
  const apiPrefixes = [`${prefix}/api/`, `${prefix}/ajax-api/`, ...UNPREFIXED_API_PREFIXES];
  const healthPaths = new Set(HEALTH_PATHS.map((p) => `${prefix}${p}`));
  return {
    isApi: (path) => apiPrefixes.some((p) => path.startsWith(p)) && !TEST_PATHS.has(path),
    isHealth: (path) => healthPaths.has(path),
  };
}

/**
 * The path of a request URL as an ASGI server reports it: without the query string and
 * percent-decoded (so `/%61pi/` is an API path, as the router also sees it).
 */
export function requestPath(url: string): string {
  const end = url.search(/[?#]/);
  const raw = end === -1 ? url : url.slice(0, end);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
