// Writes checkpoint metrics JSON byte-for-byte as Python's json.dump(indent=2) does for MLflow's float metrics.

/**
 * A float as Python's `repr` writes it (json.dump uses it): shortest round-trip digits, `.0` on
 * integral values, exponent form below 1e-4 or from 1e16 with a signed two-digit exponent;
 * NaN and infinities as json.dump's `NaN`, `Infinity`, `-Infinity`.
 *
 * @example
 * pyFloat(1); // '1.0'
 * pyFloat(0.00001); // '1e-05'
 * pyFloat(2.5e16); // '2.5e+16'
 */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exp = '0'] = x.toExponential().split('e');
  const e = Number(exp);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const intPart = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
}

/** A JSON string with non-ASCII characters escaped, as json.dump's default ensure_ascii does. */
function pyString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The content of a checkpoint metrics file: the metrics (floats, as Keras and Lightning hand them
 * to MLflow), with `epoch` and `global_step` (integers) replacing same-named metrics in place or
 * appended, indented by two spaces.
 *
 * @example
 * checkpointMetricsJson({ loss: 1 }, 0, 4); // '{\n  "loss": 1.0,\n  "epoch": 0,\n  "global_step": 4\n}'
 */
export function checkpointMetricsJson(
  metrics: Record<string, number>,
  epoch: number,
  globalStep: number,
): string {
  const record: Record<string, number> = { ...metrics, epoch, global_step: globalStep };
  const lines = Object.entries(record).map(([k, v]: [string, unknown]) => {
    const integer = (k === 'epoch' || k === 'global_step') && Number.isInteger(v);
    // Anything but a number (a JS caller's mistake) is written as its string, like json.dump's default=str.
    const text = typeof v !== 'number' ? pyString(String(v)) : integer ? String(v) : pyFloat(v);
    return `  ${pyString(k)}: ${text}`;
  });
  return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n}`;
}
