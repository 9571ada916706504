// models:/ URIs as MLflow's _parse_model_uri reads them: a logged model id, or a registered model reference.

/** Exactly one of: modelId; name with version, stage or alias; or name alone (the latest version). */
export interface ParsedModelsUri {
  modelId?: string;
  name?: string;
  version?: string;
  stage?: string;
  alias?: string;
}

/** The path urlparse gives a models: URI (authority, query and fragment cut off). */
function uriPath(uri: string): string | undefined {
  const m = /^\s*models:(.*)$/isu.exec(uri);
  if (!m) return undefined;
  let rest = m[1] ?? '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?]/u);
    rest = end < 0 ? '' : rest.slice(2 + end);
  }
  const q = rest.indexOf('?');
  return q < 0 ? rest : rest.slice(0, q);
}

/** Reads a models:/ URI; undefined where MLflow raises "Not a proper models:/ URI". */
export function parseModelsUri(uri: string): ParsedModelsUri | undefined {
  const path = uriPath(uri);
  if (path === undefined || !path.startsWith('/') || path.length <= 1) return undefined;
  const parts = path.replace(/^\/+/u, '').split('/');
  const first = parts[0] ?? '';
  if (parts.length > 2 || first.trim() === '') return undefined;
  if (parts.length === 2) {
    const suffix = parts[1] ?? '';
    if (suffix.trim() === '') return undefined;
    if (/^\d+$/u.test(suffix)) return { name: first, version: suffix };
    if (suffix.toLowerCase() === 'latest') return { name: first };
    return { name: first, stage: suffix };
  }
  if (path.includes('@')) {
    const at = first.lastIndexOf('@');
    const alias = at < 0 ? '' : first.slice(at + 1);
    if (at < 0 || alias.trim() === '') return undefined;
    return { name: first.slice(0, at), alias };
  }
  return { modelId: first };
}

/** MLflow's wording for a models:/ URI it cannot read. */
export function improperModelsUriMessage(uri: string): string {
  return (
    `Not a proper models:/ URI: ${uri}. Models URIs must be of the form 'models:/name/suffix' or ` +
    "'models:/name@alias' where suffix is a version, stage, or the string 'latest' and where alias is a " +
    'registered model alias. Only one of suffix or alias can be defined at a time.'
  );
}
