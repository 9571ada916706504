// Python literal evaluation for IN lists, checked against ast.literal_eval in CPython 3.11.
import { describe, expect, it } from 'vitest';
import { PyLiteralError, parsePyLiteral } from './py-literal.js';
import { pyRepr } from './py-value.js';

/** What MLflow ends up holding: the value wrapped in a tuple unless it already is one. */
function asTuple(text: string): string {
  const v = parsePyLiteral(text);
  return pyRepr(v.type === 'tuple' ? v : { type: 'tuple', items: [v] });
}

describe('parsePyLiteral', () => {
  it.each([
    ["('a')", "('a',)"],
    ["('a',)", "('a',)"],
    ['()', '()'],
    ["('a', 'b',)", "('a', 'b')"],
    ["('a' 'b')", "('ab',)"],
    ["(('a'))", "('a',)"],
    ["('a', 1)", "('a', 1)"],
    ['(1.5, -2, 0x1F, 1_000, 1e3, .5, 5.)', '(1.5, -2, 31, 1000, 1000.0, 0.5, 5.0)'],
    ['(True, False, None)', '(True, False, None)'],
    ["(['a'], ('b',))", "(['a'], ('b',))"],
    ["('\\x41\\u00e9\\U0001F600\\101\\n\\q')", "('Aé😀A\\n\\\\q',)"],
    ["(r'\\d\\'', u'x', b'y\\xff')", `("\\\\d\\\\'", 'x', b'y\\xff')`],
    [`('''a''', """b""")`, "('a', 'b')"],
    ["('a' # c\n, 'b')", "('a', 'b')"],
    ['(-1.0, +2)', '(-1.0, 2)'],
    ['(1e400,)', '(inf,)'],
    ['(0o17, 0b11)', '(15, 3)'],
  ])('%j → %s', (input, expected) => {
    expect(asTuple(input)).toBe(expected);
  });

  // literal_eval raises for all of these (SyntaxError or ValueError); MLflow reports an ill-formed list.
  it.each([
    "('a', b)",
    "('a',,)",
    '(,)',
    "('a'",
    "(f'x')",
    "(-'a')",
    "('a\n')",
    "('\\x4')",
    '(01)',
    '(1 + 2)',
    "(b'a' 'b')",
    "('é' b'x')",
  ])('rejects %j', (input) => {
    expect(() => parsePyLiteral(input)).toThrow(PyLiteralError);
  });
});
