// Step 75868b020152's conversions: legacy trace tags, metadata and metrics into the new analytics columns.

export const TRACE_NAME_MAX = 4096;
export const SESSION_ID_MAX = 250;
export const MODEL_DIMENSION_MAX = 500;

/** trace_metrics keys (and tokenUsage JSON keys) → trace_info columns: the same names. */
export const TOKEN_KEYS = [
  'input_tokens',
  'output_tokens',
  'total_tokens',
  'cache_read_input_tokens',
  'cache_creation_input_tokens',
  'cache_creation_input_tokens_above_1hr',
] as const;
/** span_metrics keys (and cost JSON keys) → cost columns of trace_info and spans. */
export const COST_KEYS = ['input_cost', 'output_cost', 'total_cost'] as const;

export const TRACE_NAME_TAG = 'mlflow.traceName';
export const SESSION_METADATA = 'mlflow.trace.session';
export const TOKEN_USAGE_METADATA = 'mlflow.trace.tokenUsage';
export const COST_METADATA = 'mlflow.trace.cost';
export const GATEWAY_ENDPOINT_METADATA = 'mlflow.gateway.endpointId';
export const SPAN_MODEL_ATTRIBUTE = 'mlflow.llm.model';
export const SPAN_PROVIDER_ATTRIBUTE = 'mlflow.llm.provider';

/** A decimal number as Python's float() reads text (inf/nan words parse but are not finite). */
const DECIMAL = /^[+-]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?$/;

/** Strings are cut by characters (code points), as Python slices them, not UTF-16 units. */
export function boundedString(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const chars = Array.from(value);
  return chars.length > max ? chars.slice(0, max).join('') : value;
}

/** A JSON object's fields, from an object or its JSON text; anything else reads as empty. */
export function jsonObject(value: unknown): Record<string, unknown> {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return {};
    }
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/** A finite double from a number or numeric text; booleans, other types and ±inf/NaN give null. */
export function finiteFloat(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!DECIMAL.test(text) || /_$|_\.|\._|__|^_|[eE]_/.test(text)) return null;
  const n = Number(text.replace(/_/g, ''));
  return Number.isFinite(n) ? n : null;
}

const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;

/**
 * A whole number that fits a BIGINT, from a number or numeric text ("12", "1e3", "7.0");
 * fractions, booleans and out-of-range values give null. Beyond 2^53 it stays exact as text.
 */
export function tokenCount(value: unknown): number | string | null {
  if (typeof value === 'boolean' || value === null || value === undefined) return null;
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value)) return null;
    text = BigInt(value).toString();
  } else if (typeof value === 'string') {
    text = value.trim();
  } else return null;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return null;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = m;
  const exponent = Number(exponentText);
  let digits = whole + fraction;
  let point = whole.length + exponent;
  if (point < 0) point = 0;
  if (point > 400) return null;
  digits = digits.padEnd(point, '0');
  if (/[1-9]/.test(digits.slice(point))) return null;
  const integer = BigInt(`${sign}${digits.slice(0, point) || '0'}`);
  if (integer < BIGINT_MIN || integer > BIGINT_MAX) return null;
  return Number.isSafeInteger(Number(integer)) ? Number(integer) : integer.toString();
}

export interface TraceAnalytics {
  session_id: string | null;
  input_tokens: number | string | null;
  output_tokens: number | string | null;
  total_tokens: number | string | null;
  cache_read_input_tokens: number | string | null;
  cache_creation_input_tokens: number | string | null;
  cache_creation_input_tokens_above_1hr: number | string | null;
  input_cost: number | null;
  output_cost: number | null;
  total_cost: number | null;
}

/**
 * A trace's analytics from its request metadata and token metrics: a token metric that exists
 * wins over the tokenUsage JSON (even when it holds no usable number).
 */
export function traceAnalytics(
  metadata: ReadonlyMap<string, string>,
  tokenMetrics: ReadonlyMap<string, number | string | null>,
): TraceAnalytics {
  const usage = jsonObject(metadata.get(TOKEN_USAGE_METADATA));
  const cost = jsonObject(metadata.get(COST_METADATA));
  const token = (key: (typeof TOKEN_KEYS)[number]) =>
    tokenCount(tokenMetrics.has(key) ? tokenMetrics.get(key) : usage[key]);
  return {
    session_id: boundedString(metadata.get(SESSION_METADATA), SESSION_ID_MAX),
    input_tokens: token('input_tokens'),
    output_tokens: token('output_tokens'),
    total_tokens: token('total_tokens'),
    cache_read_input_tokens: token('cache_read_input_tokens'),
    cache_creation_input_tokens: token('cache_creation_input_tokens'),
    cache_creation_input_tokens_above_1hr: token('cache_creation_input_tokens_above_1hr'),
    input_cost: finiteFloat(cost.input_cost),
    output_cost: finiteFloat(cost.output_cost),
    total_cost: finiteFloat(cost.total_cost),
  };
}

/**
 * An assessment's value (JSON text) as a number to aggregate: finite numbers are numeric;
 * booleans and "yes"/"no" count as 1/0 without being numeric; anything else has no aggregate.
 */
export function assessmentAggregate(valueJson: unknown): { value: number | null; numeric: boolean } {
  let value: unknown = valueJson;
  if (typeof valueJson === 'string') {
    try {
      value = JSON.parse(valueJson);
    } catch {
      value = valueJson;
    }
  }
  if (typeof value === 'boolean') return { value: value ? 1 : 0, numeric: false };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { value, numeric: true } : { value: null, numeric: false };
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (word === 'yes' || word === 'no') return { value: word === 'yes' ? 1 : 0, numeric: false };
  }
  return { value: null, numeric: false };
}

/**
 * A span's legacy dimension_attributes: a JSON column, so the driver hands over its text (SQLite,
 * MariaDB) or the decoded value (PostgreSQL); a decoded value that is itself text is JSON once
 * more, as MLflow wrote some rows. Only the model and provider keys with string or null values
 * are allowed, since the column is dropped after this step and anything else would be lost.
 */
export function spanDimensions(value: unknown, span: string): Record<string, string | null> {
  let parsed = value;
  for (let decode = 0; decode < 2 && typeof parsed === 'string'; decode++) {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      throw new Error(`Cannot drop spans.dimension_attributes: malformed JSON for span ${span}`);
    }
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(
      `Cannot drop spans.dimension_attributes: unsupported content for span ${span}: not an object`,
    );
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  const unsupported = entries
    .filter(
      ([key, v]) =>
        (key !== SPAN_MODEL_ATTRIBUTE && key !== SPAN_PROVIDER_ATTRIBUTE) ||
        (v !== null && typeof v !== 'string'),
    )
    .map(([key]) => key)
    .sort();
  if (unsupported.length > 0) {
    throw new Error(
      `Cannot drop spans.dimension_attributes: unsupported content for span ${span}: ${unsupported.join(', ')}`,
    );
  }
  return Object.fromEntries(entries) as Record<string, string | null>;
}
