// JSON text as Python's json.dumps writes it by default, for values MLflow stores as JSON strings.

function pyString(s: string): string {
  // ensure_ascii: every non-ASCII code unit becomes a lower-case \uXXXX escape.
  return JSON.stringify(s).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function pyNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  // Python pads exponents to two digits (1e-07) where JavaScript does not (1e-7).
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/**
 * `json.dumps(value)`: separators ", " and ": ", ASCII-only output, NaN/Infinity as bare literals.
 * Whole floats (1.0) cannot be told from integers once parsed in JavaScript and print as "1".
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${pyString(k)}: ${pythonJsonDumps(v)}`).join(', ')}}`;
  }
  return 'null';
}
