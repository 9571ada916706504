// The one load generator: autocannon's programmatic API, a fixed number of requests, per-response latencies kept.
import autocannon, { type AutocannonRequest } from 'autocannon';

export interface LoadSpec {
  baseUrl: string;
  /** Concurrent clients (autocannon connections), each with one request in flight. */
  connections: number;
  /** Total requests to send. */
  amount: number;
  /** The request sequence each client cycles through. */
  requests: AutocannonRequest[];
  timeoutSec?: number;
}

export interface LoadResult {
  ok: number;
  failed: number;
  /** From the call to the last response: autocannon's own duration is rounded up to its 1 s ticker. */
  wallMs: number;
  /** Response time of every 2xx response, ms. */
  latenciesMs: number[];
  firstError: string | undefined;
}

/** Sends spec.amount requests with spec.connections clients and collects status counts and latencies. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let firstError: string | undefined;
  const requests = spec.requests.map((r) => ({
    ...r,
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      if (status >= 300 && firstError === undefined)
        firstError = `${status} ${r.path ?? ''}: ${body.slice(0, 300)}`;
      r.onResponse?.(status, body, context);
    },
  }));
  const latenciesMs: number[] = [];
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  let lastResponseAt = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.baseUrl,
        connections: Math.min(spec.connections, spec.amount),
        amount: spec.amount,
        timeout: spec.timeoutSec ?? 300,
        requests,
      },
      (err, result) => {
        if (err) return reject(err);
        const wallMs = lastResponseAt - started;
        failed += result.errors + result.timeouts;
        if (failed > 0 && firstError === undefined)
          firstError = `${result.errors} errors, ${result.timeouts} timeouts`;
        resolve({ ok, failed, wallMs, latenciesMs, firstError });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      lastResponseAt = performance.now();
      if (status >= 200 && status < 300) {
        ok++;
        latenciesMs.push(responseTime);
      } else {
        failed++;
      }
    });
  });
}

/** Throws when any request of the load failed: a number measured over errors is not a number. */
export function assertAllOk(result: LoadResult, what: string): void {
  if (result.failed > 0)
    throw new Error(`${what}: ${result.failed} failed request(s); first: ${result.firstError}`);
}

export const JSON_HEADERS = { 'content-type': 'application/json' };
