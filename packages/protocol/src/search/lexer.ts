// The search-filter lexer: a character-level scanner that yields the tokens sqlparse would for the same text.
import { charAt, isNameStart, isSpace, isWordChar } from './chars.js';
import { BUILTINS, JSON_OPERATORS, KEYWORDS, RESERVED_ANYWHERE } from './keywords.js';
import { scanNumber } from './numbers.js';
import { QuoteScanner } from './quoted.js';
import type { Token, TokenKind } from './token.js';

class Lexer {
  private readonly quotes: QuoteScanner;
  private readonly tokens: Token[] = [];
  private i = 0;

  constructor(private readonly s: string) {
    this.quotes = new QuoteScanner(s);
  }

  run(): Token[] {
    while (this.i < this.s.length) this.step();
    return this.tokens;
  }

  private emit(kind: TokenKind, end: number): void {
    const text = this.s.slice(this.i, end);
    const token: Token = { kind, text, start: this.i, end };
    if (kind === 'keyword' || kind === 'comparator') token.upper = text.toUpperCase();
    this.tokens.push(token);
    this.i = end;
  }

  private wordEnd(from: number, extra = ''): number {
    let j = from;
    for (
      let ch = charAt(this.s, j);
      ch !== undefined && (isWordChar(ch) || extra.includes(ch));
      ch = charAt(this.s, j)
    ) {
      j += ch.length;
    }
    return j;
  }

  /** Matches `first(\s+second)*` case-insensitively at `from`; returns the end or -1 (a `\b` must follow). */
  private phrase(from: number, ...words: string[][]): number {
    let j = from;
    for (const [n, options] of words.entries()) {
      if (n > 0) {
        if (!isSpace(this.s[j])) return -1;
        while (isSpace(this.s[j])) j++;
      }
      const word = options.find((w) => this.s.slice(j, j + w.length).toUpperCase() === w);
      if (word === undefined) return -1;
      j += word.length;
    }
    return isWordChar(charAt(this.s, j)) ? -1 : j;
  }

  private step(): void {
    const s = this.s;
    const i = this.i;
    const c = s[i] ?? '';
    const next = s[i + 1];
    if ((c === '-' && next === '-') || (c === '#' && next === ' ')) {
      let j = i;
      while (j < s.length && s[j] !== '\n' && s[j] !== '\r') j++;
      return this.emit('comment', s[j] === '\r' && s[j + 1] === '\n' ? j + 2 : Math.min(j + 1, s.length));
    }
    if (c === '/' && next === '*') {
      const close = s.indexOf('*/', i + 2);
      if (close >= 0) return this.emit('comment', close + 2);
    }
    // Each line break is a token of its own, as in sqlparse: comments and statements end at them.
    if (c === '\r' || c === '\n') return this.emit('whitespace', c === '\r' && next === '\n' ? i + 2 : i + 1);
    if (isSpace(c)) {
      let j = i;
      while (isSpace(s[j]) && s[j] !== '\r' && s[j] !== '\n') j++;
      return this.emit('whitespace', j);
    }
    if (c === ':' && next === '=') return this.emit('other', i + 2);
    if (c === ':' && next === ':') return this.emit('punctuation', i + 2);
    if (c === '*') return this.emit('operator', i + 1);
    if (c === '`' || c === '´') {
      const end = this.quotes.scan(i, c, false);
      if (end > 0) return this.emit('name', end);
    }
    if (c === '?') return this.emit('placeholder', i + 1);
    if (c === '%' && (next === 's' || (next === '(' && this.placeholderGroupEnd(i) > 0))) {
      return this.emit('placeholder', next === 's' ? i + 2 : this.placeholderGroupEnd(i));
    }
    if ((c === '$' || c === ':') && !isWordChar(charAt(s, i - 1)) && isWordChar(charAt(s, i + 1))) {
      return this.emit('placeholder', this.wordEnd(i + 1));
    }
    if (c === '\\' && isWordChar(charAt(s, i + 1))) return this.emit('other', this.wordEnd(i + 1));
    for (const w of RESERVED_ANYWHERE) {
      const end = this.phrase(i, [w]);
      if (end > 0) return this.emit('keyword', end);
    }
    if ((c === '@' || c === '#') && this.hashNameEnd(i) > 0) return this.emit('name', this.hashNameEnd(i));
    if (isNameStart(charAt(s, i))) {
      const end = this.wordEnd(i);
      let k = end;
      while (isSpace(s[k])) k++;
      const beforeDot = s[k] === '.' && !/^[0-9]$/.test(s[k + 1] ?? '');
      if (beforeDot || s[i - 1] === '.' || s[end] === '(') return this.emit('name', end);
    }
    if (c === '-' || c === '.' || (c >= '0' && c <= '9')) {
      const num = scanNumber(s, i);
      if (num) return this.emit(num.kind, num.end);
    }
    if (c === "'" || c === '"') {
      const end = this.quotes.scan(i, c, true);
      if (end > 0) return this.emit(c === "'" ? 'string' : 'symbol', end);
    }
    if (c === '[' && !isWordChar(charAt(s, i - 1)) && s[i - 1] !== ']' && s[i - 1] !== ')') {
      const close = s.indexOf(']', i + 1);
      const inner = close > i + 1 ? s.slice(i + 1, close) : '';
      if (inner && !inner.includes('[')) return this.emit('name', close + 1);
    }
    if (this.keywordPhrase()) return;
    if (isWordChar(charAt(s, i))) {
      const end = this.wordEnd(i, '$#');
      const upper = s.slice(i, end).toUpperCase();
      return this.emit(KEYWORDS.has(upper) ? 'keyword' : BUILTINS.has(upper) ? 'builtin' : 'name', end);
    }
    if ('();:[],.'.includes(c)) return this.emit('punctuation', i + 1);
    const jsonOperator = JSON_OPERATORS.find((op) => s.startsWith(op, i));
    if (jsonOperator) return this.emit('operator', i + jsonOperator.length);
    if ('<>=~!'.includes(c)) return this.emit('comparator', this.runEnd(i, '<>=~!'));
    if ('+/@#%^&|-'.includes(c)) return this.emit('operator', this.runEnd(i, '+/@#%^&|-'));
    this.emit('other', i + (charAt(s, i)?.length ?? 1));
  }

  /** Multi-word keywords and word comparators: `NOT NULL`, `DESC NULLS LAST`, `NOT ILIKE`, `REGEXP BINARY`. */
  private keywordPhrase(): boolean {
    const i = this.i;
    const order = [['ASC', 'DESC'], ['NULLS'], ['FIRST', 'LAST']] as const;
    const like = ['LIKE', 'ILIKE', 'RLIKE'];
    const candidates: Array<[TokenKind, number]> = [
      ['keyword', this.phrase(i, ['NOT'], ['NULL'])],
      ['keyword', Math.max(this.phrase(i, ...order.map((o) => [...o])), this.phrase(i, [...order[0]]))],
      ['keyword', this.phrase(i, ['NULLS'], ['FIRST', 'LAST'])],
      ['comparator', Math.max(this.phrase(i, ['NOT'], like), this.phrase(i, like))],
      [
        'comparator',
        Math.max(this.phrase(i, ['NOT'], ['REGEXP'], ['BINARY']), this.phrase(i, ['NOT'], ['REGEXP'])),
      ],
      ['comparator', Math.max(this.phrase(i, ['REGEXP'], ['BINARY']), this.phrase(i, ['REGEXP']))],
    ];
    const hit = candidates.find(([, end]) => end > 0);
    if (!hit) return false;
    this.emit(hit[0], hit[1]);
    return true;
  }

  private placeholderGroupEnd(i: number): number {
    const close = this.wordEnd(i + 2);
    return close > i + 2 && this.s[close] === ')' && this.s[close + 1] === 's' ? close + 2 : -1;
  }

  private hashNameEnd(i: number): number {
    const start = this.s[i] === '#' && this.s[i + 1] === '#' ? i + 2 : i + 1;
    if (!isNameStart(charAt(this.s, start))) return -1;
    const end = this.wordEnd(start);
    return end - start >= 2 ? end : -1;
  }

  private runEnd(i: number, chars: string): number {
    let j = i;
    while (j < this.s.length && chars.includes(this.s[j] ?? '')) j++;
    return j;
  }
}

/** Splits a filter or order_by clause into tokens; never throws (unknown characters become `other`). */
export function tokenize(input: string): Token[] {
  return new Lexer(input).run();
}
