// Character classes of the search-filter lexer, matching Python `re` with IGNORECASE | UNICODE as sqlparse uses it.

/** Python's `\s` for str patterns (close enough: JS `\s` plus the ASCII separators Python also counts). */
export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c >= 0x1c && c <= 0x1f) return true;
  return /^\s$/u.test(ch);
}

/** Python's `\w` for str patterns: letters, digits (any script) and underscore. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[\p{L}\p{N}_]$/u.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function inNameRange(ch: string): boolean {
  return (ch >= 'A' && ch <= 'Z') || (ch >= '\u00c0' && ch <= '\u00dc');
}

/**
 * sqlparse's `[A-ZÀ-Ü]` under IGNORECASE: the character or its case partner is in the range.
 * This decides which words may become names next to a dot, so `metrics.ünï` and `METRICS.x` lex alike.
 */
export function isNameStart(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return inNameRange(ch) || inNameRange(ch.toUpperCase()) || inNameRange(ch.toLowerCase());
}

/** One code point at `i` (keys and values may hold astral characters such as emoji). */
export function charAt(input: string, i: number): string | undefined {
  const cp = input.codePointAt(i);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}
