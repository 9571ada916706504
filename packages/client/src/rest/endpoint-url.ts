// Builds an endpoint's URL path: `/<prefix>/<since>.0<path>` with `{name}` / `<name>` / `:name` path parameters filled in.
import type { EndpointDef } from '@mlflow-ts/protocol';

export type ApiPrefix = 'api' | 'ajax-api';

const PARAM = /\{([A-Za-z0-9_]+)\}|<(?:[a-z]+:)?([A-Za-z0-9_]+)>|:([A-Za-z0-9_]+)/g;

export interface ResolvedPath {
  /** The path with parameters substituted and percent-encoded. */
  readonly path: string;
  /** The request fields that went into the path (left out of a GET query). */
  readonly used: ReadonlySet<string>;
}

/**
 * Fills the endpoint's path parameters from `pathParams`, else from the request message. Routes MLflow registers only
 * for its UI (`ajaxOnly`) always go to `/ajax-api`, since `/api` does not serve them.
 *
 * @example
 * endpointPath(loggedModelEndpoints.getLoggedModel, { model_id: 'm-1' }, 'api')
 * // { path: '/api/2.0/mlflow/logged-models/m-1', used: Set { 'model_id' } }
 */
export function endpointPath(
  endpoint: EndpointDef,
  message: Readonly<Record<string, unknown>>,
  prefix: ApiPrefix,
  pathParams: Readonly<Record<string, string>> = {},
): ResolvedPath {
  const used = new Set<string>();
  const filled = endpoint.path.replace(PARAM, (_m, a?: string, b?: string, c?: string) => {
    const name = (a ?? b ?? c) as string;
    // Explicit path parameters first: some messages do not declare the id their route carries.
    const value = pathParams[name] ?? message[name];
    if (value === undefined || value === null || value === '') {
      throw new TypeError(`${endpoint.name}: path parameter '${name}' is required`);
    }
    used.add(name);
    return encodeURIComponent(String(value));
  });
  const effectivePrefix = endpoint.ajaxOnly ? 'ajax-api' : prefix;
  return { path: `/${effectivePrefix}/${endpoint.since}.0${filled}`, used };
}
