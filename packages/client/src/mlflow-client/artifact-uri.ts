// Where a run's artifacts live behind the server's artifact proxy, from its artifact URI.

/** The proxy's file routes (MLflow's HttpArtifactRepository uses the same root). */
export const ARTIFACTS_ROOT = '/api/2.0/mlflow-artifacts/artifacts';

/**
 * The path below the proxy root for an artifact URI: `mlflow-artifacts:/1/abc/artifacts` and
 * `mlflow-artifacts://host:5000/1/abc/artifacts` give `1/abc/artifacts`; an http(s) URI of the
 * proxy gives what follows its `/mlflow-artifacts/artifacts`. Other schemes (s3://, file paths)
 * are not reachable through the proxy: undefined.
 *
 * @example
 * proxyRootOf('mlflow-artifacts:/3/9f1c/artifacts') // '3/9f1c/artifacts'
 */
export function proxyRootOf(artifactUri: string): string | undefined {
  const m = /^mlflow-artifacts:(?:\/\/[^/]*)?(\/.*)?$/.exec(artifactUri);
  if (m) return trimSlashes(m[1] ?? '');
  if (/^https?:\/\//.test(artifactUri)) {
    const i = artifactUri.indexOf('/mlflow-artifacts/artifacts');
    if (i >= 0) return trimSlashes(artifactUri.slice(i + '/mlflow-artifacts/artifacts'.length));
  }
  return undefined;
}

function trimSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, '');
}

/**
 * Joins artifact path segments with '/', dropping empty ones and stray slashes.
 *
 * @example
 * joinArtifactPath('a/', undefined, '/b') // 'a/b'
 */
export function joinArtifactPath(...parts: (string | undefined)[]): string {
  return parts
    .filter((p): p is string => p !== undefined && p !== '')
    .map(trimSlashes)
    .filter((p) => p !== '')
    .join('/');
}

/**
 * Percent-encodes each segment of a '/' path for a URL (spaces, '#', '?' in file names).
 *
 * @example
 * encodePath('plots/loss 1.png') // 'plots/loss%201.png'
 */
export function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
