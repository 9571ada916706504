// Content types for uploads by file extension, the common ones Python's mimetypes knows; octet-stream otherwise.
const TYPES: Readonly<Record<string, string>> = {
  json: 'application/json',
  txt: 'text/plain',
  log: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  xml: 'application/xml',
  yaml: 'application/x-yaml',
  yml: 'application/x-yaml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  tar: 'application/x-tar',
  js: 'text/javascript',
  py: 'text/x-python',
};

/**
 * The Content-Type an upload of this file name is sent with.
 *
 * @example
 * guessMimeType('plots/loss.png') // 'image/png'
 */
export function guessMimeType(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  return TYPES[ext] ?? 'application/octet-stream';
}
