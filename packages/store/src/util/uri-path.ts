// Artifact URI joining and local-path resolution with the results MLflow's utils/uri.py gives (POSIX hosts).
import path from 'node:path';
import { MlflowError } from '@mlflow-ts/protocol';

interface SplitUri {
  scheme: string;
  /** undefined when the URI had no `//` authority part. */
  netloc: string | undefined;
  path: string;
  query: string;
  fragment: string;
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+\-.]*$/;
/** Schemes Python's urlunsplit writes with `//` even when the authority is empty. */
// prettier-ignore
const USES_NETLOC = new Set([
  '', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https', 'shttp',
  'snews', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs', 'git',
  'git+ssh', 'ws', 'wss', 'itms-services',
]);

/** Python's urllib.parse.urlsplit, enough for artifact URIs. */
export function splitUri(uri: string): SplitUri {
  let rest = uri;
  let scheme = '';
  const colon = rest.indexOf(':');
  if (colon > 0 && SCHEME_CHARS.test(rest.slice(0, colon))) {
    scheme = rest.slice(0, colon).toLowerCase();
    rest = rest.slice(colon + 1);
  }
  let netloc: string | undefined;
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    netloc = end < 0 ? rest.slice(2) : rest.slice(2, end + 2);
    rest = end < 0 ? '' : rest.slice(end + 2);
  }
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) [rest, fragment] = [rest.slice(0, hash), rest.slice(hash + 1)];
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) [rest, query] = [rest.slice(0, q), rest.slice(q + 1)];
  return { scheme, netloc, path: rest, query, fragment };
}

/** Python's urlunsplit. */
export function unsplitUri(u: SplitUri): string {
  let url = u.path;
  if (u.netloc || (u.scheme && USES_NETLOC.has(u.scheme) && !url.startsWith('//'))) {
    if (url && !url.startsWith('/')) url = `/${url}`;
    url = `//${u.netloc ?? ''}${url}`;
  }
  if (u.scheme) url = `${u.scheme}:${url}`;
  if (u.query) url += `?${u.query}`;
  if (u.fragment) url += `#${u.fragment}`;
  return url;
}

/** posixpath.join(prefix, suffix) after stripping the suffix's leading slashes (never drops the prefix). */
function joinPosix(prefix: string, suffix: string): string {
  if (prefix.length === 0) return suffix;
  const rel = suffix.replace(/^\/+/, '');
  if (prefix.endsWith('/') || prefix === '') return prefix + rel;
  return `${prefix}/${rel}`;
}

/** Percent-decoding that, like Python's unquote, leaves malformed escapes alone. */
function unquote(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Percent-decodes until stable (at most 10 rounds), so `%252e%252e` is caught as `..`. */
function fullyDecoded(text: string): string {
  let current = text;
  for (let i = 0; i < 10; i++) {
    const next = unquote(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * Appends POSIX path segments to a URI's path, keeping scheme, authority and query:
 * `mlflow-artifacts:/` + `0` → `mlflow-artifacts:/0`; `/tmp/a` + `1` → `/tmp/a/1`;
 * `s3://b/p?x=1` + `2` → `s3://b/p/2?x=1`.
 */
export function appendToUriPath(uri: string, ...paths: string[]): string {
  const suffix = paths.reduce((acc, p) => joinPosix(acc, p), '');
  const parts = splitUri(uri);
  if (fullyDecoded(parts.query).includes('..')) throw MlflowError.invalidParameter('Invalid query string');
  if (parts.scheme === '') return joinPosix(uri, suffix);
  if (!parts.path.startsWith('/')) {
    // Python rewrites scheme-relative paths such as `file:rel` as `file:///rel`; MLflow avoids
    // that by unsplitting without the scheme and putting `scheme:` back in front.
    return `${parts.scheme}:${unsplitUri({ ...parts, scheme: '', path: joinPosix(parts.path, suffix) })}`;
  }
  return unsplitUri({ ...parts, path: joinPosix(parts.path, suffix) });
}

function isLocalHost(host: string): boolean {
  return host === '.' || host.startsWith('localhost') || host.startsWith('127.0.0.1');
}

/** `pathlib.Path(cwd).joinpath(p).as_posix()`: drops empty and `.` segments, keeps `..`. */
function absolutize(p: string, cwd: string): string {
  const joined = p.startsWith('/') ? p : `${cwd}/${p}`;
  const segments = joined.split('/').filter((s) => s !== '' && s !== '.');
  return `/${segments.join('/')}`;
}

/**
 * A relative local path (or relative `file:` URI) becomes absolute against the working
 * directory, as MLflow does for artifact roots and experiment locations; other URIs pass through.
 */
export function resolveUriIfLocal(uri: string, cwd: string = process.cwd()): string {
  const parts = splitUri(uri);
  if (parts.scheme !== '' && parts.scheme !== 'file') return uri;
  const host = parts.netloc?.split('@').pop()?.split(':')[0] ?? '';
  if (parts.scheme === 'file' && host && !isLocalHost(host)) {
    throw new MlflowError(
      'INTERNAL_ERROR',
      `${uri} is not a valid remote uri. For remote access on windows, please consider using a different scheme such as SMB (e.g. smb://<hostname>/<path>).`,
    );
  }
  const localPath = unquote(parts.scheme === 'file' ? parts.path : uri);
  if (path.posix.isAbsolute(localPath)) return uri;
  const absolute = absolutize(localPath, cwd);
  if (parts.scheme === '') return absolute;
  return unsplitUri({
    scheme: 'file',
    netloc: undefined,
    path: absolute,
    query: parts.query,
    fragment: parts.fragment,
  });
}
