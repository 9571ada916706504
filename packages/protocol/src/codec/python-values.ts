// How Python's int(), float() and type() see a JSON value; MLflow's request checks are written against them.

/** Result of a Python conversion: the value, or the exception Python would raise. */
export type PyResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: 'ValueError' | 'TypeError' | 'OverflowError' };

const VALUE_ERROR = { ok: false, error: 'ValueError' } as const;
const TYPE_ERROR = { ok: false, error: 'TypeError' } as const;
const OVERFLOW_ERROR = { ok: false, error: 'OverflowError' } as const;

// Python's int()/float() accept surrounding whitespace and single underscores between digits.
const DIGITS = String.raw`\d(?:_?\d)*`;
const INT_TEXT = new RegExp(`^[+-]?${DIGITS}$`);
const FLOAT_TEXT = new RegExp(`^[+-]?(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.?)(?:[eE][+-]?${DIGITS})?$`);
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/** The name Python's `type(x).__name__` gives the JSON value (JSON `1.0` reads as int here). */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'string':
      return 'str';
    default:
      return Array.isArray(value) ? 'list' : 'dict';
  }
}

/** Python `int(x)`; floats are truncated, strings must hold an integer literal. */
export function pyInt(value: unknown): PyResult<number> {
  switch (typeof value) {
    case 'boolean':
      return { ok: true, value: value ? 1 : 0 };
    case 'number':
      if (Number.isNaN(value)) return VALUE_ERROR;
      if (!Number.isFinite(value)) return OVERFLOW_ERROR;
      return { ok: true, value: Math.trunc(value) };
    case 'string': {
      const text = value.trim();
      if (!INT_TEXT.test(text)) return VALUE_ERROR;
      return { ok: true, value: Number(text.replaceAll('_', '')) };
    }
    default:
      return TYPE_ERROR;
  }
}

/** Python `float(x)`, including the spellings "inf", "Infinity", "nan" in any case. */
export function pyFloat(value: unknown): PyResult<number> {
  switch (typeof value) {
    case 'boolean':
      return { ok: true, value: value ? 1 : 0 };
    case 'number':
      return { ok: true, value };
    case 'string': {
      const text = value.trim();
      if (FLOAT_TEXT.test(text)) return { ok: true, value: Number(text.replaceAll('_', '')) };
      const special = SPECIAL_FLOAT.exec(text);
      if (!special) return VALUE_ERROR;
      if (special[2]?.toLowerCase() === 'nan') return { ok: true, value: NaN };
      return { ok: true, value: special[1] === '-' ? -Infinity : Infinity };
    }
    default:
      return TYPE_ERROR;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's len(): code points for text, entries for lists and dicts; undefined when len() would raise. */
export function pyLen(value: unknown): number | undefined {
  if (typeof value === 'string') return codePointLength(value);
  if (Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  return undefined;
}

/** Length in code points, as Python counts characters (JS `length` counts UTF-16 units). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
