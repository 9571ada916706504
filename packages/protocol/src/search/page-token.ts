// Page tokens as MLflow writes them (base64 of {"offset": N}) and reads them, with its error messages.
import { MlflowError } from '../errors.js';
import { pyFloat, pyStr } from '../codec/python-repr.js';

/** Byte-for-byte what MLflow writes: Python's json.dumps puts a space after the colon. */
export function encodePageToken(offset: number): string {
  return btoa(`{"offset": ${offset}}`);
}

/** Absent or empty token → offset 0; anything MLflow would refuse → INVALID_PARAMETER_VALUE with its text. */
export function decodePageToken(token: string | undefined | null): number {
  if (!token) return 0;
  const bytes = base64Bytes(token);
  if (!bytes) throw MlflowError.invalidParameter('Invalid page token, could not base64-decode');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw MlflowError.invalidParameter(`Invalid page token, decoded value=${pyBytes(bytes)}`);
  }
  const offset = isRecord(parsed) ? parsed.offset : undefined;
  // MLflow tests the offset for truthiness, so a token holding offset 0 is refused too.
  if (!offset) throw MlflowError.invalidParameter(`Invalid page token, parsed value=${pyJson(parsed)}`);
  if (typeof offset === 'number') return Math.trunc(offset);
  if (offset === true) return 1;
  if (typeof offset === 'string' && /^\s*[+-]?\d+(_\d+)*\s*$/.test(offset))
    return Number(offset.replace(/_/g, ''));
  throw MlflowError.invalidParameter(
    `Invalid page token, not stringable ${typeof offset === 'string' ? offset : pyJson(offset)}`,
  );
}

/**
 * Python's lenient b64decode: characters outside the alphabet are dropped, but the padding
 * must come out right. Returns null where Python raises.
 */
function base64Bytes(token: string): Uint8Array | null {
  const kept = token.replace(/[^A-Za-z0-9+/=]/g, '');
  const data = kept.replace(/=+$/, '');
  if (data.includes('=') || kept.length % 4 !== 0) return null;
  try {
    return Uint8Array.from(atob(kept), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** repr() of bytes, as MLflow interpolates the undecodable token. */
function pyBytes(bytes: Uint8Array): string {
  let body = '';
  let hasSingle = false;
  let hasDouble = false;
  for (const b of bytes) {
    if (b === 0x27) hasSingle = true;
    if (b === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  for (const b of bytes) {
    if (b === 0x5c) body += '\\\\';
    else if (b === quote.charCodeAt(0)) body += `\\${quote}`;
    else if (b === 0x09) body += '\\t';
    else if (b === 0x0a) body += '\\n';
    else if (b === 0x0d) body += '\\r';
    else if (b < 0x20 || b >= 0x7f) body += `\\x${b.toString(16).padStart(2, '0')}`;
    else body += String.fromCharCode(b);
  }
  return `b${quote}${body}${quote}`;
}

/** repr() of what json.loads returns for a JSON value. */
export function pyJson(v: unknown): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return pyStr(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloat(v);
  if (Array.isArray(v)) return `[${v.map(pyJson).join(', ')}]`;
  if (isRecord(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${pyStr(k)}: ${pyJson(x)}`)
      .join(', ')}}`;
  return String(v);
}
