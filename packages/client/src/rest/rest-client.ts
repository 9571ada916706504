// RestClient: calls any protocol endpoint over fetch, with MLflow's wire encoding, errors and retries. Browser-safe.
import { encodeJson, decodeJson, type EndpointDef } from '@mlflow-ts/protocol';
import type { Static } from '@sinclair/typebox';
import { decodeResponse } from './decode-response.js';
import { endpointPath, type ApiPrefix } from './endpoint-url.js';
import { encodeQuery } from './query-string.js';
import { MlflowRestError, restErrorFromResponse } from './rest-error.js';
import {
  backoffMs,
  resolveRetry,
  retryableError,
  retryableStatus,
  retryClassOf,
  type ResolvedRetry,
  type RetryClass,
  type RetryOptions,
} from './retry.js';

/** Headers for every request; a function is called per request (tokens that refresh). */
export type HeadersSource =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

export interface RestClientOptions {
  /** Server root, e.g. `http://localhost:5000`; `''` for same-origin requests from a page. */
  readonly trackingUri: string;
  /** `api` (what MLflow's clients use, default) or `ajax-api` (what its UI uses). */
  readonly apiPrefix?: ApiPrefix;
  /** The fetch to use; the global one by default. */
  readonly fetch?: typeof fetch;
  readonly headers?: HeadersSource;
  readonly retry?: RetryOptions;
  /** Per-request timeout in milliseconds (MLflow's MLFLOW_HTTP_REQUEST_TIMEOUT is 120 s); 0 = none. */
  readonly timeoutMs?: number;
}

/**
 * A request message for `call`: the endpoint's wire message, where every top-level field may be
 * left out (the server applies the proto defaults, as for the Python client's unset fields).
 */
export type CallRequest<E extends EndpointDef> = Partial<Static<E['request']>>;
export type CallResponse<E extends EndpointDef> = Static<E['response']>;

export interface CallOptions {
  readonly signal?: AbortSignal;
  /**
   * Path parameters (`/mlflow/logged-models/:model_id` → `{ model_id }`) that the request
   * message does not declare; fields of the message with the same name work too.
   */
  readonly path?: Readonly<Record<string, string>>;
}

/** What `prepare` answers: one RPC as an HTTP request. */
export interface PreparedRequest {
  readonly method: string;
  /** Path from the server root, with the query string for GET. */
  readonly path: string;
  readonly body: string | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;
}

/** A raw request below the endpoint table (the artifact proxy, health checks). */
export interface RawRequest {
  readonly method: string;
  /** Absolute path from the server root, with its query string. */
  readonly path: string;
  /** Built anew for each try, so retried uploads can replay a stream. */
  readonly body?: () => RequestInit['body'];
  readonly headers?: Readonly<Record<string, string>>;
  readonly retry: RetryClass;
  /** Overrides the client's timeout (0 = none), e.g. for long transfers. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Talks MLflow's REST protocol for any entry of a protocol endpoint table.
 *
 * @example
 * import { RestClient, trackingEndpoints } from '@mlflow-ts/client';
 * const rest = new RestClient({ trackingUri: 'http://localhost:5000' });
 * const { experiment_id } = await rest.call(trackingEndpoints.createExperiment, { name: 'demo' });
 */
export class RestClient {
  readonly trackingUri: string;
  readonly apiPrefix: ApiPrefix;
  readonly #fetch: typeof fetch;
  readonly #headers: HeadersSource | undefined;
  readonly #retry: ResolvedRetry;
  readonly #timeoutMs: number;

  constructor(options: RestClientOptions) {
    this.trackingUri = options.trackingUri.replace(/\/+$/, '');
    this.apiPrefix = options.apiPrefix ?? 'api';
    // Bound so a browser's window.fetch is not called with the client as `this`.
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#headers = options.headers;
    this.#retry = resolveRetry(options.retry);
    this.#timeoutMs = options.timeoutMs ?? 120_000;
  }

  /**
   * Calls one RPC: GET sends the message as a query string (repeated keys for lists), other
   * methods as a JSON body; the answer is decoded into the response's static type, and an
   * error answer throws `MlflowRestError`.
   *
   * @example
   * const { run } = await rest.call(trackingEndpoints.getRun, { run_id: runId });
   */
  async call<E extends EndpointDef>(
    endpoint: E,
    request: CallRequest<E>,
    options: CallOptions = {},
  ): Promise<CallResponse<E>> {
    const prepared = this.prepare(endpoint, request, options.path);
    const body = prepared.body;
    const res = await this.request({
      method: prepared.method,
      path: prepared.path,
      body: body === undefined ? undefined : () => body,
      headers: prepared.headers,
      retry: retryClassOf(endpoint, prepared.method),
      signal: options.signal,
    });
    const path = prepared.path.split('?')[0] ?? prepared.path;
    const text = await res.text();
    if (!res.ok) throw restErrorFromResponse(res.status, path, text);
    // An empty 200 is `{}` for MLflow's client too.
    const json = text.trim() === '' ? {} : decodeJson(text);
    return decodeResponse(endpoint.response, json) as CallResponse<E>;
  }

  /**
   * The HTTP request `call` would send, without sending it: method, path with query, JSON body
   * and content type. The exit-time flush of the fluent API replays these synchronously.
   *
   * @example
   * const { method, path, body } = rest.prepare(trackingEndpoints.getRun, { run_id: runId });
   */
  prepare<E extends EndpointDef>(
    endpoint: E,
    request: CallRequest<E>,
    pathParams?: Readonly<Record<string, string>>,
  ): PreparedRequest {
    const message = request as Readonly<Record<string, unknown>>;
    const method = endpoint.methods[0] ?? 'POST';
    const { path, used } = endpointPath(endpoint, message, this.apiPrefix, pathParams);
    if (method === 'GET') {
      const rest: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(message)) if (!used.has(k)) rest[k] = v;
      const query = encodeQuery(rest);
      return { method, path: query ? `${path}?${query}` : path, body: undefined, headers: undefined };
    }
    return { method, path, body: encodeJson(message), headers: { 'Content-Type': 'application/json' } };
  }

  /** The configured headers when they are a plain object (undefined when computed per request). */
  get staticHeaders(): Readonly<Record<string, string>> | undefined {
    return typeof this.#headers === 'function' ? undefined : (this.#headers ?? {});
  }

  /**
   * Sends a raw request with the client's headers, timeout and retries, and returns the
   * Response as is (non-2xx included once retries are spent). Used for the artifact proxy.
   *
   * @example
   * const res = await rest.request({ method: 'GET', path: '/health', retry: 'idempotent' });
   */
  async request(req: RawRequest): Promise<Response> {
    const url = `${this.trackingUri}${req.path}`;
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < this.#retry.maxRetries;
      let res: Response;
      try {
        res = await this.#fetch(url, await this.#init(req));
      } catch (e) {
        if (canRetry && !req.signal?.aborted && retryableError(req.retry, e)) {
          await sleep(backoffMs(this.#retry, attempt + 1, null), req.signal);
          continue;
        }
        throw connectionError(e, req.path);
      }
      if (canRetry && retryableStatus(req.retry, res.status)) {
        await res.body?.cancel().catch(() => undefined);
        await sleep(backoffMs(this.#retry, attempt + 1, res.headers.get('Retry-After')), req.signal);
        continue;
      }
      return res;
    }
  }

  /** Throws MlflowRestError for a non-2xx raw response; returns it otherwise. */
  static async ensureOk(res: Response, path: string): Promise<Response> {
    if (res.ok) return res;
    throw restErrorFromResponse(res.status, path, await res.text());
  }

  async #init(req: RawRequest): Promise<RequestInit> {
    const base = typeof this.#headers === 'function' ? await this.#headers() : (this.#headers ?? {});
    const timeout = req.timeoutMs ?? this.#timeoutMs;
    const signals: AbortSignal[] = [];
    if (req.signal) signals.push(req.signal);
    if (timeout > 0) signals.push(AbortSignal.timeout(timeout));
    const body = req.body?.();
    const init: RequestInit & { duplex?: 'half' } = {
      method: req.method,
      headers: { ...base, ...req.headers },
      body,
      signal: signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals),
    };
    // Streaming request bodies need half duplex in Node's fetch (and in browsers that stream).
    if (body instanceof ReadableStream) init.duplex = 'half';
    return init;
  }
}

function connectionError(e: unknown, path: string): Error {
  if (e instanceof MlflowRestError) return e;
  if (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError')) return e;
  const detail = e instanceof Error ? describeCause(e) : String(e);
  return new Error(`Request to ${path} failed: ${detail}`, { cause: e });
}

function describeCause(e: Error): string {
  const cause = (e as { cause?: unknown }).cause;
  return cause instanceof Error ? `${e.message} (${cause.message})` : e.message;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
