// Python's urllib.parse pieces MLflow's source checks use: urlparse, urlsplit path parts, unquote(_plus).
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';

export interface PyUrl {
  scheme: string;
  netloc: string;
  path: string;
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+\-.]*$/u;

/** urlparse / urlsplit's scheme, netloc and path (query, fragment and ;params cut off the path). */
export function pyUrl(input: string): PyUrl {
  // eslint-disable-next-line no-control-regex
  let url = input.replace(/^[\x00-\x20]+/u, '').replace(/[\t\r\n]/gu, '');
  let scheme = '';
  const colon = url.indexOf(':');
  if (colon > 0 && SCHEME_CHARS.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  let netloc = '';
  if (url.startsWith('//')) {
    const rest = url.slice(2);
    const end = rest.search(/[/?#]/u);
    netloc = end < 0 ? rest : rest.slice(0, end);
    url = end < 0 ? '' : rest.slice(end);
  }
  const cut = url.search(/[?#]/u);
  if (cut >= 0) url = url.slice(0, cut);
  return { scheme, netloc, path: url };
}

function percentDecode(s: string): string {
  // Python decodes each %XX run as UTF-8 with replacement characters for bad bytes.
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/gu, (run) => {
    const bytes = Uint8Array.from(run.match(/%[0-9A-Fa-f]{2}/gu) ?? [], (h) => parseInt(h.slice(1), 16));
    return new TextDecoder('utf-8').decode(bytes);
  });
}

export const pyUnquote = (s: string): string => percentDecode(s);
export const pyUnquotePlus = (s: string): string => percentDecode(s.replace(/\+/gu, ' '));

/** urlparse(...).hostname: the netloc without user info and port, lower-cased. */
export function hostnameOf(netloc: string): string | undefined {
  const host = netloc.slice(netloc.lastIndexOf('@') + 1);
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.split(':')[0];
  return name ? name.toLowerCase() : undefined;
}

/**
 * MLflow's is_local_uri for a model source: no scheme, or file: on this machine. A file: URI naming
 * another host is refused with MLflow's (code-less, so 500) error.
 */
export function isLocalUri(uri: string): boolean {
  const { scheme, netloc } = pyUrl(uri);
  if (scheme === '') return true;
  const host = hostnameOf(netloc);
  const remote =
    host !== undefined && !(host === '.' || host.startsWith('localhost') || host.startsWith('127.0.0.1'));
  if (scheme === 'file') {
    if (remote) {
      throw new MlflowError(
        ErrorCode.INTERNAL_ERROR,
        `${uri} is not a valid remote uri. For remote access on windows, please consider using a different ` +
          'scheme such as SMB (e.g. smb://<hostname>/<path>).',
      );
    }
    return true;
  }
  return false;
}

/** local_file_uri_to_path: the path of a file: URI (percent-decoded), or the text itself. */
export function localFileUriToPath(uri: string): string {
  return pyUnquote(uri.startsWith('file:') ? pyUrl(uri).path : uri);
}
