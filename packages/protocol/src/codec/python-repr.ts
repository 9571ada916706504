// Python's repr() of str, float, int, None, bool, list, tuple, set and dict, for the error texts MLflow builds from it.
// Python's json.dumps (python-json.ts) writes floats with pyFloat too.

const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}

/**
 * repr(str): single quotes unless the text has a single quote and no double quote. Escapes `\`,
 * the chosen quote, `\t` `\n` `\r`, and what `str.isprintable()` rejects (every space but ' '
 * included) as `\xNN`, `\uNNNN` or `\UNNNNNNNN`; printable non-ASCII stays as is.
 */
export function pyStr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      if (cp <= 0xff) out += `\\x${hex(cp, 2)}`;
      else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
      else out += `\\U${hex(cp, 8)}`;
    } else out += ch;
  }
  return out + quote;
}

/**
 * repr(float): the shortest digits that read back as the same double, in fixed notation when
 * the decimal exponent is -4..15 and as `1.5e-05` / `1e+16` otherwise; `nan`, `inf`, `-inf`.
 *
 * @example
 * pyFloat(100); // '100.0'
 * pyFloat(0.00001); // '1e-05'
 */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '0', exp = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  const sign = value < 0 ? '-' : '';
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  return `${sign}${whole}.${digits.slice(e + 1) || '0'}`;
}

/**
 * str() of a number MLflow holds as an int (by default: integral values, big ones written out in
 * full) or as a float (`asFloat`).
 */
export function pyNumber(value: number, asFloat = !Number.isInteger(value)): string {
  if (asFloat) return pyFloat(value);
  return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
}

/** repr(list[str]): `['a', 'b']`. */
export function pyList(items: readonly string[]): string {
  return `[${items.map(pyStr).join(', ')}]`;
}

/**
 * repr(set[str]) with the members sorted. Python prints sets in hash order, which changes from one
 * server process to the next, so any fixed order is one MLflow could have printed; sorted is stable.
 */
export function pySet(items: Iterable<string>): string {
  return `{${[...items].sort().map(pyStr).join(', ')}}`;
}

/** A value pyRepr can print: null/undefined are None, plain objects are dicts (in key order). */
export type PyValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | PyTuple
  | readonly PyValue[]
  | { readonly [key: string]: PyValue };

/** Marks an array that Python holds as a tuple (printed with parentheses). */
export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/**
 * repr() of a value. Numbers print as Python ints when integral and below 1e21 (ids, timestamps),
 * else as floats.
 *
 * @example
 * pyRepr(new PyTuple(['x', 1, null])); // "('x', 1, None)"
 * pyRepr([{ key: 'a' }, 0.5]); // "[{'key': 'a'}, 0.5]"
 */
export function pyRepr(value: PyValue): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return pyStr(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value, !Number.isInteger(value) || Math.abs(value) >= 1e21);
  if (value instanceof PyTuple) {
    const inner = value.items.map(pyRepr);
    return inner.length === 1 ? `(${inner[0]},)` : `(${inner.join(', ')})`;
  }
  if (Array.isArray(value)) return `[${value.map((v: PyValue) => pyRepr(v)).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: PyValue });
  return `{${entries.map(([k, v]) => `${pyStr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}
