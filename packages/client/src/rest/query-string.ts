// Encodes a GET request message as a query string the way MLflow's Python client (requests) does.

/** One query value as requests would write it: booleans lowercase (MLflow reads any case). */
function scalarText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number')
    return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  // A nested message has no query-string form in MLflow; JSON keeps it at least readable.
  return JSON.stringify(v);
}

/**
 * Top-level fields become `key=value` pairs; a list becomes the key repeated once per item (as
 * `requests` does with `params={'run_ids': [...]}`); undefined fields are left out.
 *
 * @example
 * encodeQuery({ run_ids: ['a', 'b'], metric_key: 'loss' }) // 'run_ids=a&run_ids=b&metric_key=loss'
 */
export function encodeQuery(message: Readonly<Record<string, unknown>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(message)) {
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        const text = scalarText(item);
        if (text !== undefined) params.append(key, text);
      }
      continue;
    }
    const text = scalarText(value);
    if (text !== undefined) params.append(key, text);
  }
  return params.toString();
}
