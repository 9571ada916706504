// Sending one event to one webhook: MLflow's envelope, headers and signature, then the POST with its retries.
import { randomUUID } from 'node:crypto';
import { pyJsonDumps, pyStr } from '@mlflow-ts/protocol';
import type { StoredWebhookEvent } from '@mlflow-ts/store';
import { BlockedPeerError, postOnce, type HttpResponse } from './http-post.js';
import { connectionLabel, TransportError } from './transport-errors.js';
import { backoffSeconds, retryAfterSeconds, RETRY_STATUSES } from './retry-policy.js';
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './signature.js';
import type { WebhookSettings } from './webhook-settings.js';

export interface DeliveryTarget {
  url: string;
  /** The decrypted secret; empty or null sends no signature. */
  secret: string | null;
}

/**
 * Retries ran out on connection or read failures: urllib3's MaxRetryError, which requests wraps in
 * ConnectTimeout (connect timeouts) or ConnectionError (everything else). `message` is its text.
 */
export class RetriesExhausted extends Error {
  constructor(
    message: string,
    readonly requestsType: 'ConnectTimeout' | 'ConnectionError',
  ) {
    super(message);
  }
}

/** datetime.now(timezone.utc).isoformat(): microseconds (left out when zero) and "+00:00". */
export function pythonUtcIsoNow(epochMs: number = performance.timeOrigin + performance.now()): string {
  const whole = Math.floor(epochMs);
  const micros = Math.floor((epochMs - whole) * 1000) + (whole % 1000) * 1000;
  const base = new Date(whole - (whole % 1000)).toISOString().slice(0, 19);
  return micros === 0 ? `${base}+00:00` : `${base}.${String(micros).padStart(6, '0')}+00:00`;
}

/** The body MLflow posts: entity, action, timestamp, then the event's data. */
export function envelope(event: StoredWebhookEvent, data: Record<string, unknown>): string {
  return pyJsonDumps({ entity: event.entity, action: event.action, timestamp: pythonUtcIsoNow(), data });
}

function headersFor(target: DeliveryTarget, body: string): Record<string, string> {
  const deliveryId = randomUUID();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    [DELIVERY_ID_HEADER]: deliveryId,
    [TIMESTAMP_HEADER]: timestamp,
  };
  if (target.secret) headers[SIGNATURE_HEADER] = webhookSignature(target.secret, deliveryId, timestamp, body);
  return headers;
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * POSTs the body, retrying (with the same delivery id and signature, as urllib3 re-sends one
 * request) on 429/500/502/503/504 and on connection or read errors, up to `maxRetries` times.
 * Resolves with the last response, even a failed one; rejects when no response came.
 */
export async function sendWebhook(
  target: DeliveryTarget,
  body: string,
  settings: WebhookSettings,
): Promise<HttpResponse> {
  const url = new URL(target.url);
  const bytes = Buffer.from(body, 'utf8');
  const headers = headersFor(target, body);
  const options = {
    timeoutMs: settings.requestTimeoutSeconds * 1000,
    allowPrivateIps: settings.allowPrivateIps,
  };
  for (let failures = 0; ;) {
    let wait: number | null = null;
    try {
      const response = await postOnce(url, bytes, headers, options);
      if (!RETRY_STATUSES.has(response.status) || failures >= settings.maxRetries) return response;
      wait = retryAfterSeconds(response.status, response.headers['retry-after']);
    } catch (error) {
      if (error instanceof BlockedPeerError) throw error;
      if (!(error instanceof TransportError)) throw error;
      if (failures >= settings.maxRetries) {
        const pool = connectionLabel(url, 'ConnectionPool');
        const cause = `${error.pyType}(${pyStr(error.message)})`;
        throw new RetriesExhausted(
          `${pool}: Max retries exceeded with url: ${url.pathname}${url.search} (Caused by ${cause})`,
          error.pyType === 'ConnectTimeoutError' ? 'ConnectTimeout' : 'ConnectionError',
        );
      }
    }
    failures++;
    await sleep(wait ?? backoffSeconds(failures));
  }
}
