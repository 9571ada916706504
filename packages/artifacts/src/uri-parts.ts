// Splits a URI the way Python's urllib.parse.urlparse does, for MLflow's artifact-URI rules.

export interface UriParts {
  /** Lower-cased scheme; '' for plain paths and for one-letter Windows drive "schemes". */
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  fragment: string;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

export function parseUri(uri: string): UriParts {
  let rest = uri;
  let scheme = '';
  const m = SCHEME.exec(rest);
  if (m !== null && m[1] !== undefined) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  let netloc = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    netloc = end === -1 ? rest.slice(2) : rest.slice(2, end + 2);
    rest = end === -1 ? '' : rest.slice(end + 2);
  }
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let query = '';
  const q = rest.indexOf('?');
  if (q !== -1) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  return { scheme: scheme.length === 1 ? '' : scheme, netloc, path: rest, query, fragment };
}
