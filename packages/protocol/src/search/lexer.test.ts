// The lexer against sqlparse 0.6.1's own tokens for the same text (expected lists were dumped from it).
import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer.js';

const CASES: Array<[string, string[]]> = [
  ['metrics.acc >= -1.5e3', ['name:metrics', 'punctuation:.', 'name:acc', 'comparator:>=', 'float:-1.5e3']],
  ["tags.`a``b` = 'it''s'", ['name:tags', 'punctuation:.', 'name:`a``b`', 'comparator:=', "string:'it''s'"]],
  ['params."a b" != "x"', ['name:params', 'punctuation:.', 'symbol:"a b"', 'comparator:!=', 'symbol:"x"']],
  [
    'run_id NOT IN (\'a\', "b")',
    [
      'name:run_id',
      'keyword:NOT',
      'keyword:IN',
      'punctuation:(',
      "string:'a'",
      'punctuation:,',
      'symbol:"b"',
      'punctuation:)',
    ],
  ],
  ['tags.x IS NOT NULL', ['name:tags', 'punctuation:.', 'name:x', 'keyword:IS', 'keyword:NOT NULL']],
  ['tags.x is   not   null', ['name:tags', 'punctuation:.', 'name:x', 'keyword:is', 'keyword:not   null']],
  [
    "a not like 'x' AND b ILIKE 'y'",
    [
      'name:a',
      'comparator:not like',
      "string:'x'",
      'keyword:AND',
      'name:b',
      'comparator:ILIKE',
      "string:'y'",
    ],
  ],
  ['metrics.12acc > .5', ['name:metrics', 'float:.1', 'name:2acc', 'comparator:>', 'float:.5']],
  [
    'metrics.a >= 1.e5',
    ['name:metrics', 'punctuation:.', 'name:a', 'comparator:>=', 'integer:1', 'punctuation:.', 'name:e5'],
  ],
  [
    'metrics.a > 1e+5',
    ['name:metrics', 'punctuation:.', 'name:a', 'comparator:>', 'name:1e', 'operator:+', 'integer:5'],
  ],
  ['x > 0x1F', ['name:x', 'comparator:>', 'hex:0x1F']],
  ["'it\\'", ["string:'it\\'"]],
  ["'a' 'b", ["string:'a'", "other:'", 'name:b']],
  ['`x', ['other:`', 'name:x']],
  ["timestamp > date '2020'", ['builtin:timestamp', 'comparator:>', 'builtin:date', "string:'2020'"]],
  [
    'p = ? and q = :name and r = %s',
    [
      'name:p',
      'comparator:=',
      'placeholder:?',
      'keyword:and',
      'name:q',
      'comparator:=',
      'placeholder::name',
      'keyword:and',
      'name:r',
      'comparator:=',
      'placeholder:%s',
    ],
  ],
  ['x -- comment\ny', ['name:x', 'comment:-- comment\n', 'name:y']],
  ['x /* c */ y', ['name:x', 'comment:/* c */', 'name:y']],
  ['metrics . select', ['name:metrics', 'punctuation:.', 'keyword:select']],
  ["tags.in = 'x'", ['name:tags', 'punctuation:.', 'keyword:in', 'comparator:=', "string:'x'"]],
  [
    'METRICS.a <> 5 OR x',
    ['name:METRICS', 'punctuation:.', 'name:a', 'comparator:<>', 'integer:5', 'keyword:OR', 'name:x'],
  ],
  ['a DESC NULLS LAST', ['name:a', 'keyword:DESC NULLS LAST']],
  ["run_idin['a']", ['name:run_idin', 'punctuation:[', "string:'a'", 'punctuation:]']],
  ['x [a] y', ['name:x', 'name:[a]', 'name:y']],
  [
    "日本 = 'ü' and tags.😀 = 1",
    [
      'name:日本',
      'comparator:=',
      "string:'ü'",
      'keyword:and',
      'name:tags',
      'punctuation:.',
      'other:😀',
      'comparator:=',
      'integer:1',
    ],
  ],
  ['a->b <@ c', ['name:a', 'operator:->', 'name:b', 'operator:<@', 'name:c']],
  ['a := 1', ['name:a', 'other::=', 'integer:1']],
  ['a::int', ['name:a', 'punctuation:::', 'builtin:int']],
  ['\\cmd', ['other:\\cmd']],
  ["a REGEXP BINARY 'x'", ['name:a', 'comparator:REGEXP BINARY', "string:'x'"]],
  ['α.β', ['name:α', 'punctuation:.', 'name:β']],
];

describe('tokenize', () => {
  it.each(CASES)('%j', (input, expected) => {
    const got = tokenize(input)
      .filter((t) => t.kind !== 'whitespace')
      .map((t) => `${t.kind}:${t.text}`);
    expect(got).toEqual(expected);
  });

  it('keeps offsets that slice back to the text, whitespace included', () => {
    const input = "tags.`a b` =\t'x' -- c\n";
    const tokens = tokenize(input);
    expect(tokens.map((t) => input.slice(t.start, t.end)).join('')).toBe(input);
    expect(tokens.map((t) => t.text).join('')).toBe(input);
  });

  it('stays linear on many unclosed quotes', () => {
    const input = "'".repeat(20_000) + 'x' + '"'.repeat(20_001);
    const started = Date.now();
    tokenize(input);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
