// A metric's rules: name, numeric non-bool value, non-negative timestamp, numeric step, key length.
import { pyFloat, pyNumber } from '../codec/python-repr.js';
import { MAX_ENTITY_KEY_LENGTH, validateLengthLimit } from './lengths.js';
import { invalidParameter, invalidValueMessage, missingValueMessage } from './messages.js';
import { appendToJsonPath, validateMetricName } from './names.js';

export interface MetricFields {
  readonly key: string | null | undefined;
  readonly value: unknown;
  readonly timestamp: unknown;
  readonly step: unknown;
}

/** Python's `str()` of a parsed metric value (a float): 2 → "2.0", NaN → "nan". */
function floatText(v: unknown): string {
  return typeof v === 'number' ? pyFloat(v) : String(v);
}

function intText(v: unknown): string {
  return typeof v === 'number' ? pyNumber(v) : String(v);
}

/**
 * MLflow's _validate_metric. `path` is '' for log-metric and `metrics[i]` inside log-batch; it
 * prefixes the parameter named in messages (`metrics[3].name`).
 *
 * @example validateMetric({ key: 'loss', value: 0.1, timestamp: 1700000000000, step: 3 });
 */
export function validateMetric(m: MetricFields, path = ''): void {
  validateMetricName(m.key, appendToJsonPath(path, 'name'));
  if (m.value === null || m.value === undefined) {
    throw invalidParameter(missingValueMessage(appendToJsonPath(path, 'value')));
  }
  if (typeof m.value !== 'number') {
    throw invalidParameter(
      invalidValueMessage(
        appendToJsonPath(path, 'value'),
        m.value,
        `(timestamp=${intText(m.timestamp)}). Please specify value as a valid double (64-bit floating point)`,
      ),
    );
  }
  if (typeof m.timestamp !== 'number' || m.timestamp < 0) {
    throw invalidParameter(
      invalidValueMessage(
        appendToJsonPath(path, 'timestamp'),
        m.timestamp,
        `metric '${m.key}' (value=${floatText(m.value)}). Timestamp must be a nonnegative long (64-bit integer) `,
      ),
    );
  }
  if (typeof m.step !== 'number') {
    throw invalidParameter(
      invalidValueMessage(
        appendToJsonPath(path, 'step'),
        m.step,
        `metric '${m.key}' (value=${floatText(m.value)}). Step must be a valid long (64-bit integer).`,
      ),
    );
  }
  validateLengthLimit('Metric name', MAX_ENTITY_KEY_LENGTH, m.key as string);
}
