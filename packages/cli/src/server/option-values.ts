// Parsing of option values (integers, booleans, comma lists) with click-style error messages.
import { CliUsageError } from '../errors.js';

/** How an option is named in messages, as click does: `'--port' / '-p'`. */
export function optionLabel(long: string, short?: string): string {
  return short === undefined ? `'${long}'` : `'${long}' / '${short}'`;
}

export function invalidValue(label: string, detail: string): CliUsageError {
  return new CliUsageError(`Invalid value for ${label}: ${detail}`);
}

/** An integer as Python's int() reads it (surrounding spaces, a sign, `_` between digits). */
export function parseIntValue(raw: string, label: string): number {
  const text = raw.trim();
  if (!/^[+-]?\d+(?:_\d+)*$/.test(text)) throw invalidValue(label, `'${raw}' is not a valid integer.`);
  return Number(text.replace(/_/g, ''));
}

export function parsePort(raw: string, label: string): number {
  const port = parseIntValue(raw, label);
  if (port < 0 || port > 65535) throw invalidValue(label, `${port} is not a valid port (0-65535).`);
  return port;
}

export function parsePositiveInt(raw: string, label: string): number {
  const n = parseIntValue(raw, label);
  if (n < 1) throw invalidValue(label, `${n} is not at least 1.`);
  return n;
}

const TRUE = new Set(['1', 'true', 't', 'yes', 'y', 'on']);
const FALSE = new Set(['0', 'false', 'f', 'no', 'n', 'off']);

/** A boolean env var as click reads one for a flag; empty means unset (undefined). */
export function parseBool(raw: string | undefined, label: string): boolean | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase();
  if (v === '') return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw invalidValue(
    label,
    `'${raw}' is not a valid boolean. Recognized values: 0, 1, f, false, n, no, off, on, t, true, y, yes`,
  );
}

/** A comma list as MLflow splits one (entries stripped, empty entries kept); '' means not given. */
export function parseCommaList(raw: string | undefined): string[] | null {
  if (raw === undefined || raw === '') return null;
  return raw.split(',').map((s) => s.trim());
}
