// Python's repr() for the values MLflow interpolates into its error messages (strings, floats, lists, sets).

const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}

/** repr(str): single quotes unless the text has a single quote and no double quote; escapes as CPython. */
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

/** repr(float): the shortest round-trip digits, fixed notation for exponents -4..15, else `1.5e-05` style. */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '0', exp = '0'] = value.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const e = Number(exp);
  const sign = negative ? '-' : '';
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expText = String(Math.abs(e)).padStart(2, '0');
    return `${sign}${m}e${e < 0 ? '-' : '+'}${expText}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const fraction = digits.slice(e + 1) || '0';
  return `${sign}${whole}.${fraction}`;
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
