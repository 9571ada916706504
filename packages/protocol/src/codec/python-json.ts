// Python's json.dumps (ensure_ascii, allow_nan), with the separators, indent and key order MLflow's callers use.
import { pyFloat, pyNumber } from './python-repr.js';

/** A number Python holds as a float, so that 100 prints as 100.0 (JS numbers cannot tell). */
export class PyFloat {
  constructor(readonly value: number) {}
}

export interface PyJsonDumpsOptions {
  /** `sort_keys=True`. */
  sortKeys?: boolean;
  /** `indent=N`: one item a line, nested N spaces deeper per level. */
  indent?: number;
  /** `separators=(item, key)`; Python's default is `(', ', ': ')`, or `(',', ': ')` with an indent. */
  separators?: readonly [item: string, key: string];
  /**
   * Integral numbers of 1e21 and more: as Python floats (`1e+22`, the default, since only a float
   * reaches that size in practice) or as Python ints written out in full.
   */
  largeIntegers?: 'float' | 'int';
  /** Leave out object keys whose value is undefined (as JSON.stringify does) instead of writing null. */
  omitUndefined?: boolean;
}

/** `json.dumps(str)` with ensure_ascii: anything outside printable ASCII as `\uXXXX` (UTF-16 units, lower-case). */
export function pyJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += s[i];
  }
  return `${out}"`;
}

/**
 * `json.dumps(float)`: `NaN`, `Infinity` and `-Infinity` as bare literals, everything else as `repr`.
 *
 * @example
 * pyJsonFloat(1); // '1.0'
 * pyJsonFloat(0.00001); // '1e-05'
 */
export function pyJsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return pyFloat(x);
}

function numberText(x: number, largeIntegers: 'float' | 'int'): string {
  if (!Number.isInteger(x)) return pyJsonFloat(x);
  return Math.abs(x) < 1e21 || largeIntegers === 'int' ? pyNumber(x, false) : pyFloat(x);
}

/**
 * `json.dumps(value, …)` for plain JSON data: numbers print as Python ints when integral and as
 * floats otherwise (wrap a number in `PyFloat` to force a float), objects keep their key order
 * unless `sortKeys`.
 *
 * @example
 * pyJsonDumps({ a: [1, 0.5, 'é'] }); // '{"a": [1, 0.5, "\\u00e9"]}'
 * pyJsonDumps({ b: 1, a: 2 }, { sortKeys: true, separators: [',', ':'] }); // '{"a":2,"b":1}'
 */
export function pyJsonDumps(value: unknown, options: PyJsonDumpsOptions = {}): string {
  const { sortKeys = false, indent, omitUndefined = false, largeIntegers = 'float' } = options;
  const [itemSep, keySep] = options.separators ?? (indent === undefined ? [', ', ': '] : [',', ': ']);
  const write = (v: unknown, depth: number): string => {
    if (v === null || v === undefined) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (v instanceof PyFloat) return pyJsonFloat(v.value);
    if (typeof v === 'number') return numberText(v, largeIntegers);
    if (typeof v === 'string') return pyJsonString(v);
    if (typeof v !== 'object') return 'null';
    const items = Array.isArray(v)
      ? v.map((item: unknown) => write(item, depth + 1))
      : entries(v as Record<string, unknown>).map(
          ([k, item]) => `${pyJsonString(k)}${keySep}${write(item, depth + 1)}`,
        );
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (items.length === 0) return `${open}${close}`;
    if (indent === undefined) return `${open}${items.join(itemSep)}${close}`;
    const inner = `\n${' '.repeat(indent * (depth + 1))}`;
    return `${open}${inner}${items.join(`${itemSep}${inner}`)}\n${' '.repeat(indent * depth)}${close}`;
  };
  const entries = (o: Record<string, unknown>): [string, unknown][] => {
    const list = Object.entries(o).filter(([, item]) => !omitUndefined || item !== undefined);
    return sortKeys ? list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : list;
  };
  return write(value, 0);
}
