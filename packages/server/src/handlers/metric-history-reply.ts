// get-history's reply: short histories as a message, long ones streamed chunk by chunk in the same bytes.
import { encodeJson, type Metric } from '@mlflow-ts/protocol';
import type { MetricHistoryChunks, MetricPoints } from '@mlflow-ts/store';
import { StreamedJson } from '../http/streamed-json.js';

export interface MetricHistoryMessage {
  metrics: Metric[];
  next_page_token?: string;
}

/** Finite numbers print the same through String() as through JSON.stringify. */
function numberText(v: number): string {
  if (Number.isFinite(v)) return String(v);
  return Number.isNaN(v) ? '"NaN"' : v > 0 ? '"Infinity"' : '"-Infinity"';
}

function toMetrics(points: MetricPoints): Metric[] {
  const out = new Array<Metric>(points.length);
  for (let i = 0; i < points.length; i++) {
    out[i] = {
      key: points.key,
      value: points.values[i] as number,
      timestamp: points.timestamps[i] as number,
      step: points.steps[i] as number,
    };
  }
  return out;
}

const COMMA = 0x2c;
const MINUS = 0x2d;
const ZERO = 0x30;

/** Writes a safe integer's decimal digits (what String() gives) at `at`; returns the new offset. */
function writeInteger(out: Buffer, at: number, n: number): number {
  let v = n;
  if (v < 0) {
    out[at++] = MINUS;
    v = -v;
  }
  let digits = 1;
  for (let p = 10; p <= v; p *= 10) digits++;
  for (let i = at + digits - 1; i >= at; i--) {
    out[i] = ZERO + (v % 10);
    v = Math.floor(v / 10);
  }
  return at + digits;
}

function writeNumber(out: Buffer, at: number, v: number): number {
  if (Number.isSafeInteger(v) && !Object.is(v, -0)) return writeInteger(out, at, v);
  return at + out.write(numberText(v), at, 'latin1');
}

/** Longest text of one point besides its key: three numbers of at most 25 characters and the names. */
const POINT_BYTES = 3 * 25 + 40;

/**
 * `lead` and then the points as encodeJson writes them inside `metrics` (fields in the order key,
 * value, timestamp, step; non-finite numbers as protobuf-JSON strings), comma-separated, as UTF-8
 * bytes. Integers (steps, timestamps, whole values) are written digit by digit straight into the
 * Buffer: building strings instead promoted megabytes of them to V8's old space per second of
 * streaming. A unit test holds the bytes to encodeJson's.
 */
export function pointsJsonBytes(points: MetricPoints, lead: string): Buffer {
  const head = Buffer.from(`{"key":${JSON.stringify(points.key)},"value":`, 'utf8');
  const mid1 = Buffer.from(',"timestamp":', 'latin1');
  const mid2 = Buffer.from(',"step":', 'latin1');
  const leadBytes = Buffer.from(lead, 'latin1');
  const out = Buffer.allocUnsafe(leadBytes.length + points.length * (head.length + POINT_BYTES));
  out.set(leadBytes, 0);
  let at = leadBytes.length;
  const { values, timestamps, steps } = points;
  for (let i = 0; i < points.length; i++) {
    if (i > 0) out[at++] = COMMA;
    out.set(head, at);
    at += head.length;
    at = writeNumber(out, at, values[i] as number);
    out.set(mid1, at);
    at += mid1.length;
    at = writeNumber(out, at, timestamps[i] as number);
    out.set(mid2, at);
    at += mid2.length;
    at = writeNumber(out, at, steps[i] as number);
    out[at++] = 0x7d;
  }
  return out.subarray(0, at);
}

async function* pieces(
  head: MetricPoints[],
  rest: AsyncIterator<MetricPoints>,
  chunks: MetricHistoryChunks,
): AsyncGenerator<Buffer> {
  let lead = '{"metrics":[';
  for (const points of head) {
    yield pointsJsonBytes(points, lead);
    lead = ',';
  }
  for (;;) {
    const next = await rest.next();
    if (next.done === true) break;
    if (next.value.length > 0) yield pointsJsonBytes(next.value, ',');
  }
  const token = chunks.nextPageToken;
  yield Buffer.from(token === undefined ? ']}' : `],"next_page_token":${encodeJson(token)}}`, 'utf8');
}

/**
 * Reads the first two chunks before answering, so a history that fits in one chunk (and any
 * error of the first read, e.g. a bad page token) takes the ordinary path: an error after the
 * first streamed byte can only cut the connection.
 */
export async function metricHistoryReply(
  chunks: MetricHistoryChunks,
): Promise<MetricHistoryMessage | StreamedJson> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done === true) return { metrics: [], next_page_token: chunks.nextPageToken };
  const second = await iterator.next();
  if (second.done === true) return { metrics: toMetrics(first.value), next_page_token: chunks.nextPageToken };
  return new StreamedJson(pieces([first.value, second.value], iterator, chunks));
}
