// The search filters the registry pages send, with quotes escaped as MLflow's filter grammar reads them.

/** A single-quoted string literal of MLflow's search grammar. */
export function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Models whose name contains `text`, case-insensitively; '' for all models. */
export function modelNameFilter(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  // % and _ stay LIKE wildcards: SQLite's LIKE has no default escape character, and a stray
  // wildcard only widens a search box's results.
  return `name ILIKE ${quoted(`%${trimmed}%`)}`;
}

export function versionsOfModelFilter(name: string): string {
  return `name = ${quoted(name)}`;
}

export const registryPaths = {
  list: '/models',
  model: (name: string) => `/models/${encodeURIComponent(name)}`,
  version: (name: string, version: string) =>
    `/models/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`,
};
