// Which preview an artifact gets, from its file name (MLflow's UI decides the same way, by extension).

export type PreviewKind = 'image' | 'json' | 'yaml' | 'table' | 'text' | 'none';

const BY_EXTENSION: Readonly<Record<string, PreviewKind>> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  svg: 'image',
  webp: 'image',
  bmp: 'image',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  csv: 'table',
  tsv: 'table',
  txt: 'text',
  log: 'text',
  md: 'text',
  py: 'text',
  sh: 'text',
  ini: 'text',
  cfg: 'text',
  toml: 'text',
  xml: 'text',
  html: 'text',
  js: 'text',
  ts: 'text',
  r: 'text',
  sql: 'text',
  err: 'text',
  out: 'text',
};

/** Files MLflow writes without an extension that are YAML or plain text. */
const BY_NAME: Readonly<Record<string, PreviewKind>> = {
  MLmodel: 'yaml',
  MLproject: 'yaml',
  Dockerfile: 'text',
  LICENSE: 'text',
  'requirements.txt': 'text',
};

export function previewKind(path: string): PreviewKind {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const byName = BY_NAME[name];
  if (byName) return byName;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'none';
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? 'none';
}

/** Larger files are offered as a download only: reading them into the page would stall it. */
export const PREVIEW_MAX_BYTES = 2 * 1024 * 1024;
