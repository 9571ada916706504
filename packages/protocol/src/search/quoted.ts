// Finds where a quoted literal ends, with the same backtracking result as sqlparse's quote regexes.

/**
 * sqlparse lexes `'…'` as `'(''|\\'|[^'])*'` (and the same shape for `"`, and for backticks without
 * the backslash form). A doubled quote or backslash-quote does not close the literal, but when the
 * greedy reading never finds a closing quote, the regex backtracks and lets a later lone quote close
 * it: `'it\'` is the literal `'it\'`. Nothing is unescaped here; MLflow keeps the inner text verbatim.
 *
 * The backtracking answer depends only on the position, so it is computed once per quote character,
 * right to left, which keeps many unclosed quotes linear instead of quadratic.
 */
export class QuoteScanner {
  private readonly tables = new Map<string, Int32Array>();

  constructor(private readonly input: string) {}

  /** End offset (exclusive) of the literal opening at `start`, or -1 when it never closes. */
  scan(start: number, quote: string, backslashEscapes: boolean): number {
    const s = this.input;
    let i = start + 1;
    while (i < s.length) {
      const c = s[i];
      if (c === quote) {
        if (s[i + 1] === quote) i += 2;
        else return i + 1;
      } else if (backslashEscapes && c === '\\' && s[i + 1] === quote) i += 2;
      else i += 1;
    }
    return this.table(quote, backslashEscapes)[start + 1] ?? -1;
  }

  private table(quote: string, backslashEscapes: boolean): Int32Array {
    const id = `${quote}${backslashEscapes ? '\\' : ''}`;
    const cached = this.tables.get(id);
    if (cached) return cached;
    const s = this.input;
    const n = s.length;
    // ends[i]: where the literal ends if its body continues at i; options tried in the regex's order.
    const ends = new Int32Array(n + 2).fill(-1);
    const at = (k: number): number => ends[k] ?? -1;
    for (let i = n - 1; i >= 0; i--) {
      const c = s[i];
      let end = -1;
      if (c === quote && s[i + 1] === quote) end = at(i + 2);
      if (end < 0 && backslashEscapes && c === '\\' && s[i + 1] === quote) end = at(i + 2);
      if (end < 0 && c !== quote) end = at(i + 1);
      if (end < 0 && c === quote) end = i + 1;
      ends[i] = end;
    }
    this.tables.set(id, ends);
    return ends;
  }
}
