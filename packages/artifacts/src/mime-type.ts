// The Content-Type MLflow sends for an artifact (mlflow/utils/mime_type_utils.py _guess_mime_type).
import { createRequire } from 'node:module';
import type MimeTypes from 'mime-types';

let mimeTypes: typeof MimeTypes | undefined;

/** mime-types parses its whole database (about 2 MiB resident) on load, so it loads on the first guess. */
function mime(): typeof MimeTypes {
  mimeTypes ??= createRequire(import.meta.url)('mime-types') as typeof MimeTypes;
  return mimeTypes;
}

/** Extensions MLflow serves as text/plain so the UI can preview them; MLmodel/MLproject have none. */
// prettier-ignore
const TEXT_EXTENSIONS: ReadonlySet<string> = new Set([
  'txt', 'log', 'err', 'cfg', 'conf', 'cnf', 'cf', 'ini', 'properties', 'prop', 'hocon', 'toml',
  'yaml', 'yml', 'xml', 'json', 'js', 'py', 'py3', 'csv', 'tsv', 'md', 'rst', 'ipynb',
  'MLmodel', 'MLproject',
]);

/** Python's os.path.splitext extension without the dot; a leading-dot name has none. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.slice(0, dot).replace(/\./g, '') === '') return '';
  return name.slice(dot + 1);
}

export function guessMimeType(fileName: string): string {
  const name = fileName.slice(fileName.lastIndexOf('/') + 1);
  const ext = extensionOf(name);
  if (TEXT_EXTENSIONS.has(ext === '' ? name : ext)) return 'text/plain';
  const guessed = mime().lookup(name);
  return guessed === false ? 'application/octet-stream' : guessed;
}
