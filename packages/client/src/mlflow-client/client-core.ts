// The base every MlflowClient area builds on: the RestClient, how to reach the server, and the mixin type.
import { RestClient, type HeadersSource, type RestClientOptions } from '../rest/index.js';

export interface MlflowClientOptions {
  /** Server root, e.g. `http://localhost:5000`. */
  readonly trackingUri: string;
  /** Basic auth (MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD in the Node entry). */
  readonly username?: string;
  readonly password?: string;
  /** Bearer token (MLFLOW_TRACKING_TOKEN); wins over basic auth, as in MLflow. */
  readonly token?: string;
  readonly apiPrefix?: RestClientOptions['apiPrefix'];
  readonly fetch?: RestClientOptions['fetch'];
  readonly headers?: HeadersSource;
  readonly retry?: RestClientOptions['retry'];
  readonly timeoutMs?: number;
}

/** `btoa` needs latin-1; credentials may hold any Unicode, so encode as UTF-8 first. */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The Authorization header MLflow's client sends for these credentials, if any.
 *
 * @example
 * authorizationHeader({ token: 't' }) // 'Bearer t'
 */
export function authorizationHeader(
  o: Pick<MlflowClientOptions, 'username' | 'password' | 'token'>,
): string | undefined {
  if (o.token) return `Bearer ${o.token}`;
  if (o.username !== undefined && o.password !== undefined)
    return `Basic ${base64Utf8(`${o.username}:${o.password}`)}`;
  return undefined;
}

/**
 * Holds the RestClient; the area mixins (experiments, runs, …) add the public methods.
 *
 * @example
 * class MyClient extends RunsApi(ClientCore) {}
 */
export class ClientCore {
  /** The REST client every call goes through (exposed for endpoints the client does not wrap). */
  readonly rest: RestClient;
  readonly trackingUri: string;

  constructor(options: MlflowClientOptions | string) {
    const o = typeof options === 'string' ? { trackingUri: options } : options;
    const auth = authorizationHeader(o);
    const extra = o.headers;
    // Kept a plain object when possible: the fluent API's exit-time flush needs headers synchronously.
    const headers: HeadersSource | undefined =
      auth === undefined
        ? extra
        : typeof extra === 'function'
          ? async () => ({ ...(await extra()), Authorization: auth })
          : { ...extra, Authorization: auth };
    this.rest = new RestClient({
      trackingUri: o.trackingUri,
      apiPrefix: o.apiPrefix,
      fetch: o.fetch,
      headers,
      retry: o.retry,
      timeoutMs: o.timeoutMs,
    });
    this.trackingUri = this.rest.trackingUri;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the TypeScript mixin pattern requires any[] here
export type Constructor<T = object> = new (...args: any[]) => T;
export type CoreConstructor = Constructor<ClientCore>;
