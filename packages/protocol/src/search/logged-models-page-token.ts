// search_logged_models page tokens: base64 JSON of the request's experiments, filter and order_by plus
// the offset, refused when the next request differs (MLflow's SearchLoggedModelsPaginationToken).
import { ErrorCode, MlflowError } from '../errors.js';
import { pyJson } from './page-token.js';

/** The order_by entry exactly as MLflow's handler hands it to the store (and so to the token). */
export interface LoggedModelsOrderByEntry {
  field_name: string;
  ascending: boolean;
  dataset_name: string | null;
  dataset_digest: string | null;
}

export interface LoggedModelsTokenRequest {
  experimentIds: readonly string[];
  filter: string | null;
  orderBy: readonly LoggedModelsOrderByEntry[] | null;
}

/** Python's json.dumps: `", "` and `": "` separators, non-ASCII (and DEL) as \u escapes. */
function pyDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${pyDumps(k)}: ${pyDumps(v)}`).join(', ')}}`;
}

/** UTF-8 bytes as base64, as Python's base64.b64encode of the encoded JSON. */
function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function encodeLoggedModelsPageToken(request: LoggedModelsTokenRequest, offset: number): string {
  return toBase64(
    pyDumps({
      experiment_ids: request.experimentIds,
      filter_string: request.filter,
      order_by: request.orderBy,
      offset,
    }),
  );
}

/** Python's lenient b64decode (foreign characters dropped); null where it raises binascii.Error. */
function fromBase64(token: string): Uint8Array | null {
  const kept = token.replace(/[^A-Za-z0-9+/=]/g, '');
  if (kept.replace(/=+$/, '').includes('=') || kept.length % 4 !== 0) return null;
  try {
    return Uint8Array.from(atob(kept), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Python equality of JSON values (True == 1, dict key order ignored). */
function pyEquals(a: unknown, b: unknown): boolean {
  const num = (v: unknown): unknown => (typeof v === 'boolean' ? Number(v) : v);
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEquals(x, b[i]))
    );
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const rb = b as Record<string, unknown>;
    return (
      ka.length === Object.keys(rb).length &&
      ka.every((k) => k in rb && pyEquals((a as Record<string, unknown>)[k], rb[k]))
    );
  }
  return num(a) === num(b);
}

/** Python truthiness, for MLflow's `token.get(x) or None`. */
function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v !== null && typeof v === 'object') return Object.keys(v).length > 0;
  return Boolean(v);
}

const pyText = (v: unknown): string => (typeof v === 'string' ? v : pyJson(v ?? null));
const crash = (detail: string): MlflowError => new MlflowError(ErrorCode.INTERNAL_ERROR, detail);

/**
 * The offset of a token for this request. Errors as MLflow's: undecodable JSON is
 * INVALID_PARAMETER_VALUE; bad base64 or non-object JSON crash its handler (INTERNAL_ERROR);
 * a token from a different request is INVALID_PARAMETER_VALUE naming the mismatch.
 */
export function decodeLoggedModelsPageToken(token: string, request: LoggedModelsTokenRequest): number {
  const bytes = fromBase64(token);
  if (!bytes) throw crash('Incorrect padding');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw crash("'utf-8' codec can't decode the page token");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw MlflowError.invalidParameter(`Invalid page token: ${token}. ${jsonErrorText(text)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw crash(`'${Array.isArray(parsed) ? 'list' : typeof parsed}' object has no attribute 'get'`);
  }
  const t = parsed as Record<string, unknown>;
  const ids = t.experiment_ids ?? null;
  const filter = truthy(t.filter_string) ? t.filter_string : null;
  const orderBy = truthy(t.order_by) ? t.order_by : null;
  if (!pyEquals(ids, request.experimentIds)) {
    throw MlflowError.invalidParameter(
      `Experiment IDs in the page token do not match the requested experiment IDs. Expected: ${pyJson(request.experimentIds)}. Found: ${pyJson(ids)}`,
    );
  }
  if (!pyEquals(filter, request.filter)) {
    throw MlflowError.invalidParameter(
      `Filter string in the page token does not match the requested filter string. Expected: ${pyText(request.filter)}. Found: ${pyText(filter)}`,
    );
  }
  if (!pyEquals(orderBy, request.orderBy)) {
    throw MlflowError.invalidParameter(
      `Order by in the page token does not match the requested order by. Expected: ${pyJson(request.orderBy)}. Found: ${pyJson(orderBy)}`,
    );
  }
  return truthy(t.offset) ? offsetOf(t.offset) : 0;
}

/** Python's position text: 1-based line and column of a character offset. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line} column ${column} (char ${offset})`;
}

/**
 * Python's JSONDecodeError text for the two common failures: a valid value followed by more
 * text ("Extra data" where that text starts) or no value at all ("Expecting value").
 */
function jsonErrorText(text: string): string {
  for (let end = text.length - 1; end > 0; end--) {
    try {
      JSON.parse(text.slice(0, end));
    } catch {
      continue;
    }
    const next = end + (text.slice(end).length - text.slice(end).trimStart().length);
    return `Extra data: ${position(text, next)}`;
  }
  const start = text.length - text.trimStart().length;
  return `Expecting value: ${position(text, start)}`;
}

/** SQLAlchemy's int() of the offset: integral numbers, integer text, floats truncated. */
function offsetOf(value: unknown): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'string' && /^\s*[+-]?\d+(_\d+)*\s*$/.test(value))
    return Number(value.replace(/_/g, ''));
  const shown = typeof value === 'string' ? pyJson(value) : pyJson(value ?? null);
  throw crash(`invalid literal for int() with base 10: ${shown}`);
}
