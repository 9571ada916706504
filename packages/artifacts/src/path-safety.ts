// MLflow's validate_path_is_safe: a client-given artifact path must not escape the directory it is joined to.
import { MlflowError } from '@mlflow-ts/protocol';
import { parseUri } from './uri-parts.js';

const invalidPath = (): MlflowError => MlflowError.invalidParameter('Invalid path');

/** Python's urllib.parse.unquote: %XX runs decoded as UTF-8, bad sequences become U+FFFD. */
function unquote(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (h) => parseInt(h, 16));
    return new TextDecoder('utf-8').decode(bytes);
  });
}

/** Decodes until stable, as MLflow does so that double-encoded `..` cannot slip through. */
function decodeFully(path: string): string {
  let current = path;
  for (let i = 0; i < 10; i += 1) {
    const next = unquote(current);
    if (next === current) return current;
    current = next;
  }
  throw invalidPath();
}

function escapeControlCharacters(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code <= 0x1f || code === 0x7f ? `%${code.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}

function isAbsolute(path: string): boolean {
  if (path.startsWith('/')) return true;
  // Windows drive paths (C:\x, C:/x) and UNC shares (\\host\share) are refused on every platform.
  return /^[a-zA-Z]:[\\/]/.test(path) || /^[\\/]{2}[^\\/]+[\\/]+[^\\/]+/.test(path);
}

/**
 * Returns the decoded path, or throws INVALID_PARAMETER_VALUE "Invalid path" for a `#`, a `..`
 * segment or an absolute path (file: URIs are judged by their path). Like MLflow on POSIX, a
 * backslash is an ordinary file-name character.
 */
export function validatePathIsSafe(path: string): string {
  const decoded = escapeControlCharacters(decodeFully(path));
  if (decoded.includes('#')) throw invalidPath();
  const checked = parseUri(decoded).scheme === 'file' ? unquote(parseUri(decoded).path) : decoded;
  if (checked.split('/').includes('..') || isAbsolute(checked)) throw invalidPath();
  return decoded;
}
