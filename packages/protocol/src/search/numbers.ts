// Numeric literals as sqlparse lexes them: which prefix of the input is a hex, float or integer token.
import { isDigit, isNameStart } from './chars.js';

export interface NumberMatch {
  kind: 'hex' | 'float' | 'integer';
  end: number;
}

function digitsEnd(s: string, i: number): number {
  let j = i;
  while (isDigit(s[j])) j++;
  return j;
}

/** sqlparse's `(?![_A-ZÀ-Ü])` after a number: a letter or underscore may not follow it. */
function blocked(ch: string | undefined): boolean {
  return ch === '_' || isNameStart(ch);
}

/** The longest prefix, backing off one digit at a time like the regex does, that passes the look-ahead. */
function backOff(s: string, from: number, downTo: number): number {
  for (let e = from; e >= downTo; e--) if (!blocked(s[e])) return e;
  return -1;
}

/**
 * Tries sqlparse's number rules in its order at `start` (hex, `1.5e-3`, `1.` / `.5`, `12`), each with
 * an optional leading minus. `12abc` lexes as `1` then the word `2abc`, `1.e5` as `1` then `.`, and
 * `1e+5` not at all — MLflow then reports those pieces, so the quirks are kept.
 */
export function scanNumber(s: string, start: number): NumberMatch | undefined {
  const j = s[start] === '-' ? start + 1 : start;
  if (s[j] === '0' && (s[j + 1] === 'x' || s[j + 1] === 'X') && /^[0-9a-f]$/i.test(s[j + 2] ?? '')) {
    let e = j + 2;
    while (/^[0-9a-f]$/i.test(s[e] ?? '')) e++;
    return { kind: 'hex', end: e };
  }
  if (isDigit(s[j])) {
    const intEnd = digitsEnd(s, j);
    let mantissaEnd = intEnd;
    if (s[intEnd] === '.' && isDigit(s[intEnd + 1])) mantissaEnd = digitsEnd(s, intEnd + 1);
    if (s[mantissaEnd] === 'e' || s[mantissaEnd] === 'E') {
      let p = mantissaEnd + 1;
      if (s[p] === '-') p++;
      if (isDigit(s[p])) return { kind: 'float', end: digitsEnd(s, p) };
    }
    if (s[intEnd] === '.') {
      const e = backOff(s, digitsEnd(s, intEnd + 1), intEnd + 1);
      if (e >= 0) return { kind: 'float', end: e };
    }
  } else if (s[j] === '.' && isDigit(s[j + 1])) {
    const e = backOff(s, digitsEnd(s, j + 1), j + 2);
    if (e >= 0) return { kind: 'float', end: e };
    return undefined;
  }
  if (isDigit(s[j])) {
    const e = backOff(s, digitsEnd(s, j), j + 1);
    if (e >= 0) return { kind: 'integer', end: e };
  }
  return undefined;
}
