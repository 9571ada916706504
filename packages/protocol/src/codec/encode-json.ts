// encodeJson: MLflow's response JSON (undefined fields left out, NaN/±Infinity as strings).
export interface EncodeJsonOptions {
  /** Leave out empty arrays held by object fields too, as protobuf JSON does for empty repeated fields. */
  readonly omitEmptyArrays?: boolean;
}

function nonFiniteText(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

/**
 * Returns the value with non-finite numbers replaced by their protobuf-JSON strings (and empty
 * arrays under object keys dropped when asked), copying only the objects on the way to a change:
 * a response without NaN comes back as the very same object.
 */
function sanitize(v: unknown, omitEmpty: boolean): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : nonFiniteText(v);
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const y = typeof x === 'object' || typeof x === 'number' ? sanitize(x, omitEmpty) : x;
      if (y !== x) (out ??= v.slice())[i] = y;
    }
    return out ?? v;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return v;
  const obj = v as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k in obj) {
    const x = obj[k];
    if (omitEmpty && Array.isArray(x) && x.length === 0) {
      out ??= { ...obj };
      delete out[k];
      continue;
    }
    const y = typeof x === 'object' || typeof x === 'number' ? sanitize(x, omitEmpty) : x;
    if (y !== x) (out ??= { ...obj })[k] = y;
  }
  return out ?? obj;
}

/**
 * Serialises a response the way MLflow's message_to_json does: fields holding undefined are
 * omitted, NaN / Infinity / -Infinity become the strings "NaN" / "Infinity" / "-Infinity"
 * (protobuf JSON; the Python client reads them back as floats), everything else is standard.
 * One allocation-free walk finds non-finite numbers, then native JSON.stringify writes.
 *
 * @example encodeJson({ metrics: [{ key: 'm', value: NaN, timestamp: 1, step: 0 }] })
 * // '{"metrics":[{"key":"m","value":"NaN","timestamp":1,"step":0}]}'
 */
export function encodeJson(value: unknown, options: EncodeJsonOptions = {}): string {
  return JSON.stringify(sanitize(value, options.omitEmptyArrays ?? false)) ?? 'null';
}
