// Rules for an experiment's artifact_location (create-experiment handler and SQL store).
import { handlerCrash } from '../codec/internal-error.js';
import { invalidParameter } from './messages.js';
import { hostAndPort, pyUnquote, pyUrlparse } from './url-parse.js';

export interface ArtifactLocationOptions {
  /** MLFLOW_ARTIFACT_LOCATION_MAX_LENGTH (default 2048). */
  readonly maxLength?: number;
  /** MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES: schemes the server may connect out with. */
  readonly allowedHostAddressedSchemes?: readonly string[];
  /** The server's --default-artifact-root and --artifacts-destination: their hosts are trusted. */
  readonly trustedUris?: readonly string[];
}

// Schemes whose artifact repositories connect to the host named in the URI.
const HOST_ADDRESSED = new Set([
  'ftp',
  'sftp',
  'hdfs',
  'viewfs',
  'http',
  'https',
  'mlflow-artifacts',
  'r2',
  'b2',
  'abfss',
]);
const FAMILY: Record<string, string> = { viewfs: 'hdfs', https: 'http', 'mlflow-artifacts': 'http' };
const DEFAULT_PORTS: Record<string, readonly number[]> = {
  ftp: [21],
  sftp: [22],
  http: [80],
  https: [443],
  'mlflow-artifacts': [80, 443],
  r2: [443],
  b2: [443],
  abfss: [443],
};

function schemeOf(uri: string): string {
  const scheme = pyUrlparse(uri).scheme;
  return scheme.length === 1 ? '' : scheme; // "C:\..." is a Windows path, not a scheme
}

/** The (family, host, port) targets a URI makes MLflow connect to; undefined when it names no host. */
function hostTargets(uri: string): Set<string> | undefined {
  const scheme = schemeOf(uri);
  if (!HOST_ADDRESSED.has(scheme)) return undefined;
  const { netloc } = pyUrlparse(uri);
  if (scheme === 'mlflow-artifacts' && !netloc) return undefined; // resolved against the server itself
  const { hostname, port } = hostAndPort(netloc);
  if (/[\s\\]/.test(netloc) || port === 'malformed') return new Set([`malformed|${netloc}`]);
  const family = FAMILY[scheme] ?? scheme;
  const ports: readonly (number | null)[] = port !== null ? [port] : (DEFAULT_PORTS[scheme] ?? [null]);
  return new Set(ports.map((p) => `${family}|${hostname}|${p}`));
}

/** The scheme of a URI the server must not connect to, or undefined (mirrors rejected_host_addressed_scheme). */
export function rejectedHostAddressedScheme(
  uri: string,
  options: ArtifactLocationOptions = {},
): string | undefined {
  const targets = hostTargets(uri);
  if (!targets) return undefined;
  const scheme = schemeOf(uri);
  if ((options.allowedHostAddressedSchemes ?? []).some((s) => s.toLowerCase() === scheme)) return undefined;
  for (const trusted of options.trustedUris ?? []) {
    for (const t of hostTargets(trusted) ?? []) if (targets.has(t)) return undefined;
  }
  return scheme;
}

/** validate_query_string: decode until stable (at most 10 rounds), then refuse any "..". */
function validateQueryString(query: string): void {
  let url = query;
  for (let i = 0; i < 10; i++) {
    const decoded = pyUnquote(url);
    if (decoded === url) {
      if (url.includes('..')) throw invalidParameter('Invalid query string');
      return;
    }
    url = decoded;
  }
  throw handlerCrash('Failed to decode url');
}

/**
 * The create-experiment checks of a non-empty artifact_location, in MLflow's order: no fragment
 * or ;params, no ".." in the decoded query, no outbound host, not a runs:/ URI, length limit.
 * (A relative local path is made absolute by the store before its own length check; that needs
 * the server's working directory and is the caller's part.)
 */
export function validateArtifactLocation(location: string, options: ArtifactLocationOptions = {}): void {
  const field = 'artifact_location';
  const parsed = pyUrlparse(location);
  if (parsed.fragment || parsed.params) {
    throw invalidParameter(`'${field}' URL can't include fragments or params.`);
  }
  validateQueryString(parsed.query);
  const scheme = rejectedHostAddressedScheme(location, options);
  if (scheme !== undefined) {
    throw invalidParameter(
      `'${field}' cannot use the '${scheme}' scheme: the '${scheme}' scheme addresses a host other than the ` +
        "tracking server's configured artifact storage, so the server would connect to the host named in the URI. " +
        'Set the MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES environment variable on the server to allow it.',
    );
  }
  if (location.startsWith('runs:')) {
    throw invalidParameter(`Artifact location cannot be a runs:/ URI. Given: '${location}'`);
  }
  validateArtifactLocationLength(location, options.maxLength);
}

/** _validate_experiment_artifact_location_length. */
export function validateArtifactLocationLength(location: string, maxLength = 2048): void {
  if ([...location].length > maxLength) {
    throw invalidParameter(
      'Invalid artifact path length. The length of the artifact path cannot be greater than ' +
        `${maxLength} characters. To configure this limit, please set the ` +
        'MLFLOW_ARTIFACT_LOCATION_MAX_LENGTH environment variable.',
    );
  }
}
