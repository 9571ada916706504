// Where MLflow 3.18 serves things: /api and /ajax-api per RPC version, UI routes, all under --static-prefix.

/**
 * MLflow 3.18 puts `--static-prefix` in front of every Flask route it registers, `/api/<v>.0/…`
 * included (observed with `mlflow server --static-prefix /mlflow`: `/mlflow/api/2.0/…` answers,
 * `/api/2.0/…` is a 404). Older releases left `/api` unprefixed; we follow the pinned version.
 */
export interface RoutePaths {
  readonly prefix: string;
  /** `/api/<since>.0<path>` under the prefix. */
  api(since: number, path: string): string;
  /** `/ajax-api/<since>.0<path>` under the prefix. */
  ajax(since: number, path: string): string;
  /** A UI-side route such as `/health`, under the prefix. */
  ui(path: string): string;
}

/** Proto paths are joined as written; the one path without a leading slash gets one (see mounting). */
function slashed(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

export function routePaths(staticPrefix: string): RoutePaths {
  const prefix = staticPrefix.replace(/\/+$/, '');
  return {
    prefix,
    api: (since, path) => `${prefix}/api/${since}.0${slashed(path)}`,
    ajax: (since, path) => `${prefix}/ajax-api/${since}.0${slashed(path)}`,
    ui: (path) => `${prefix}${slashed(path)}`,
  };
}
