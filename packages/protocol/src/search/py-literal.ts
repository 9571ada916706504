// A small reader for Python literals: what ast.literal_eval gives MLflow for an `IN (…)` list.
import type { PyValue } from './py-value.js';

/** Thrown for anything literal_eval would reject (syntax errors and non-literal expressions alike). */
export class PyLiteralError extends Error {}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  parseAll(): PyValue {
    const v = this.expr();
    this.skip();
    if (this.i < this.s.length) throw new PyLiteralError('trailing input');
    return v;
  }

  private skip(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') this.i++;
      else if (c === '\\' && this.s[this.i + 1] === '\n') this.i += 2;
      else if (c === '#') while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      else return;
    }
  }

  private expr(): PyValue {
    this.skip();
    const c = this.s[this.i];
    if (c === '-' || c === '+') {
      this.i++;
      const v = this.expr();
      if (v.type === 'int') return { type: 'int', value: c === '-' ? -v.value : v.value };
      if (v.type === 'float') return { type: 'float', value: c === '-' ? -v.value : v.value };
      throw new PyLiteralError('unary operator on a non-number');
    }
    if (c === '(' || c === '[') return this.sequence(c);
    if (c !== undefined && /[0-9.]/.test(c)) return this.number();
    const word = /^[A-Za-z_]\w*/.exec(this.s.slice(this.i))?.[0];
    if (word !== undefined) {
      const quote = this.s[this.i + word.length];
      if ((quote === "'" || quote === '"') && /^(r|u|b|br|rb)$/i.test(word)) {
        this.i += word.length;
        return this.strings(word.toLowerCase());
      }
      this.i += word.length;
      if (word === 'True' || word === 'False') return { type: 'bool', value: word === 'True' };
      if (word === 'None') return { type: 'none' };
      throw new PyLiteralError(`not a literal: ${word}`);
    }
    if (c === "'" || c === '"') return this.strings('');
    throw new PyLiteralError('unexpected input');
  }

  private sequence(open: string): PyValue {
    const close = open === '(' ? ')' : ']';
    this.i++;
    const items: PyValue[] = [];
    let sawComma = false;
    for (;;) {
      this.skip();
      if (this.s[this.i] === close) break;
      items.push(this.expr());
      this.skip();
      if (this.s[this.i] === ',') {
        sawComma = true;
        this.i++;
      } else if (this.s[this.i] !== close) throw new PyLiteralError(`expected ${close}`);
    }
    this.i++;
    if (open === '[') return { type: 'list', items };
    const [only] = items;
    return items.length === 1 && !sawComma && only ? only : { type: 'tuple', items };
  }

  private number(): PyValue {
    const rest = this.s.slice(this.i);
    const m =
      /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*)?(?:\.(?:\d(?:_?\d)*)?)?(?:[eE][+-]?\d(?:_?\d)*)?)/.exec(
        rest,
      );
    const text = m?.[0] ?? '';
    if (!text || text === '.' || /^[\w.]/.test(rest.slice(text.length)))
      throw new PyLiteralError('bad number');
    this.i += text.length;
    const clean = text.replace(/_/g, '');
    if (/^0[xXoObB]/.test(clean)) return { type: 'int', value: BigInt(clean) };
    if (/[.eE]/.test(clean)) return { type: 'float', value: Number(clean) };
    if (/^0+\d/.test(clean)) throw new PyLiteralError('leading zeros in a decimal integer');
    return { type: 'int', value: BigInt(clean) };
  }

  /** Adjacent literals concatenate, as in Python source; mixing bytes and str is a syntax error. */
  private strings(firstPrefix: string): PyValue {
    const bytes = firstPrefix.includes('b');
    let value = this.string(firstPrefix.includes('r'), bytes);
    for (;;) {
      const save = this.i;
      this.skip();
      const prefix = /^(?:br|rb|[rub])?(?=['"])/i.exec(this.s.slice(this.i))?.[0];
      if (prefix === undefined) {
        this.i = save;
        return { type: bytes ? 'bytes' : 'str', value };
      }
      if (prefix.toLowerCase().includes('b') !== bytes) throw new PyLiteralError('cannot mix bytes and str');
      this.i += prefix.length;
      value += this.string(prefix.toLowerCase().includes('r'), bytes);
    }
  }

  private string(raw: boolean, bytes: boolean): string {
    const s = this.s;
    const q = s[this.i] ?? '';
    const triple = s.startsWith(q.repeat(3), this.i);
    const delim = triple ? q.repeat(3) : q;
    this.i += delim.length;
    let out = '';
    for (;;) {
      if (this.i >= s.length) throw new PyLiteralError('unterminated string');
      if (s.startsWith(delim, this.i)) {
        this.i += delim.length;
        return out;
      }
      const c = s[this.i] ?? '';
      if (c === '\n' && !triple) throw new PyLiteralError('newline in string');
      if (bytes && c.charCodeAt(0) > 0x7f) throw new PyLiteralError('non-ASCII character in bytes');
      if (c !== '\\') {
        out += c;
        this.i++;
      } else if (raw) {
        out += c + (s[this.i + 1] ?? '');
        this.i += 2;
      } else out += this.escape(bytes);
    }
  }

  private escape(bytes: boolean): string {
    const s = this.s;
    const c = s[this.i + 1] ?? '';
    this.i += 2;
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return simple;
    if (/[0-7]/.test(c)) {
      let digits = c;
      while (digits.length < 3 && /[0-7]/.test(s[this.i] ?? '')) digits += s[this.i++];
      return String.fromCodePoint(parseInt(digits, 8));
    }
    // \u, \U and \N are escapes in str literals only. \N{NAME} needs the Unicode name table, which we do
    // not carry: refusing it (an ill-formed list) beats matching the wrong text.
    if (c === 'N' && !bytes) throw new PyLiteralError('\\N{…} escapes are not supported');
    const width = c === 'x' ? 2 : bytes ? 0 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    if (width === 0) return `\\${c}`; // unknown escapes keep their backslash
    const digits = s.slice(this.i, this.i + width);
    if (digits.length !== width || !/^[0-9a-fA-F]+$/.test(digits))
      throw new PyLiteralError('truncated escape');
    const cp = parseInt(digits, 16);
    if (cp > 0x10ffff) throw new PyLiteralError('escape out of range');
    this.i += width;
    return String.fromCodePoint(cp);
  }
}

/** Evaluates `text` as a Python literal; throws PyLiteralError where literal_eval would raise. */
export function parsePyLiteral(text: string): PyValue {
  return new Reader(text.replace(/^[ \t]+/, '')).parseAll();
}
