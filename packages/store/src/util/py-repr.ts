// Python's repr() of strings, numbers, None, lists, tuples and dicts, for MLflow error texts built from it.

/** A value that can be rendered the way Python prints it. */
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

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** repr() of a str: single quotes unless the text holds ' and no ", escapes as Python does. */
export function pyStr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (ch === quote) out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** repr() of a number; integral values print as Python ints (timestamps, ids). */
export function pyNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const text = String(value);
  // Python writes large/small floats as 1e+16 / 1e-05; JS as 1e+16 / 0.00001.
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

export function pyRepr(value: PyValue): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return pyStr(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (value instanceof PyTuple) {
    const inner = value.items.map(pyRepr);
    return inner.length === 1 ? `(${inner[0]},)` : `(${inner.join(', ')})`;
  }
  if (Array.isArray(value)) return `[${value.map((v: PyValue) => pyRepr(v)).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: PyValue });
  return `{${entries.map(([k, v]) => `${pyStr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}
