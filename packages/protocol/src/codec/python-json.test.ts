// pyJsonDumps against Python's json.dumps: literal bytes printed by CPython 3.11, re-checked live when Python is here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { env } from 'node:process';
import { describe, expect, it } from 'vitest';
import { PyFloat, pyJsonDumps, pyJsonFloat, pyJsonString, type PyJsonDumpsOptions } from './python-json.js';

interface Case {
  name: string;
  value: unknown;
  options?: PyJsonDumpsOptions;
  /** The same value written in Python (JS numbers cannot tell 1 from 1.0: PyFloat marks the floats). */
  python: string;
  expected: string;
}

const CASES: Case[] = [
  {
    name: 'NaN and infinities',
    value: [NaN, Infinity, -Infinity],
    python: "[float('nan'), float('inf'), float('-inf')]",
    expected: '[NaN, Infinity, -Infinity]',
  },
  { name: '-0.0 as a float', value: new PyFloat(-0), python: '-0.0', expected: '-0.0' },
  { name: '-0 as an int', value: -0, python: '0', expected: '0' },
  { name: '1e16 as a float', value: new PyFloat(1e16), python: '1e16', expected: '1e+16' },
  { name: '1e16 as an int', value: 1e16, python: '10**16', expected: '10000000000000000' },
  {
    name: 'small floats',
    value: [1e-7, 1e-5, 0.0001, 1.5e-7, -1e-5],
    python: '[1e-7, 1e-5, 0.0001, 1.5e-07, -1e-05]',
    expected: '[1e-07, 1e-05, 0.0001, 1.5e-07, -1e-05]',
  },
  { name: '0.1 + 0.2', value: 0.1 + 0.2, python: '0.1 + 0.2', expected: '0.30000000000000004' },
  {
    name: 'ints vs floats',
    value: [1, new PyFloat(1), 2.5, new PyFloat(100), 123456789.125, 5e-324, 1.7976931348623157e308],
    python: '[1, 1.0, 2.5, 100.0, 123456789.125, 5e-324, 1.7976931348623157e308]',
    expected: '[1, 1.0, 2.5, 100.0, 123456789.125, 5e-324, 1.7976931348623157e+308]',
  },
  { name: '1e22 (a float in Python)', value: 1e22, python: '1e22', expected: '1e+22' },
  {
    name: '1e22 as a Python int',
    value: 1e22,
    options: { largeIntegers: 'int' },
    python: '10**22',
    expected: '10000000000000000000000',
  },
  {
    name: 'non-ASCII (DEL and Latin-1 included)',
    value: 'é ☃ 中 \u007f \u0080 \u00a0',
    python: String.raw`'\u00e9 \u2603 \u4e2d \x7f \x80 \xa0'`,
    expected: String.raw`"\u00e9 \u2603 \u4e2d \u007f \u0080 \u00a0"`,
  },
  {
    name: 'surrogate pairs and a lone surrogate',
    value: '😀 𝄞 \ud800',
    python: String.raw`'\U0001F600 \U0001D11E \ud800'`,
    expected: String.raw`"\ud83d\ude00 \ud834\udd1e \ud800"`,
  },
  {
    name: 'control characters, quote, backslash, slash',
    value: '\u0000\u0001\b\f\n\r\t\u001f "\\ /',
    python: String.raw`'\x00\x01\x08\x0c\n\r\t\x1f "\\ /'`,
    expected: String.raw`"\u0000\u0001\b\f\n\r\t\u001f \"\\ /"`,
  },
  {
    name: 'nested objects in insertion order',
    value: { a: { b: [1, { c: null }], e: true }, d: [], f: {}, g: false },
    python: "{'a': {'b': [1, {'c': None}], 'e': True}, 'd': [], 'f': {}, 'g': False}",
    expected: '{"a": {"b": [1, {"c": null}], "e": true}, "d": [], "f": {}, "g": false}',
  },
  {
    name: 'indent=2',
    value: { loss: new PyFloat(1), nested: { x: [1, 2], y: {} }, empty: [], epoch: 3 },
    options: { indent: 2 },
    python: "{'loss': 1.0, 'nested': {'x': [1, 2], 'y': {}}, 'empty': [], 'epoch': 3}",
    expected:
      '{\n  "loss": 1.0,\n  "nested": {\n    "x": [\n      1,\n      2\n    ],\n    "y": {}\n  },\n  "empty": [],\n  "epoch": 3\n}',
  },
  { name: 'indent=2, empty', value: {}, options: { indent: 2 }, python: '{}', expected: '{}' },
  {
    name: "indent=2 with separators=(', ', ': ')",
    value: [1, [2]],
    options: { indent: 2, separators: [', ', ': '] },
    python: '[1, [2]]',
    expected: '[\n  1, \n  [\n    2\n  ]\n]',
  },
  {
    name: 'sort_keys with compact separators',
    value: { b: [1, 'xé'], a: null, c: 1.5 },
    options: { sortKeys: true, separators: [',', ':'] },
    python: "{'b': [1, 'x\\u00e9'], 'a': None, 'c': 1.5}",
    expected: String.raw`{"a":null,"b":[1,"x\u00e9"],"c":1.5}`,
  },
  {
    name: 'sort_keys, nested',
    value: { z: { b: 1, a: 2 }, A: 0 },
    options: { sortKeys: true },
    python: "{'z': {'b': 1, 'a': 2}, 'A': 0}",
    expected: '{"A": 0, "z": {"a": 2, "b": 1}}',
  },
  {
    name: 'webhook payload fields',
    value: { f: new PyFloat(100), g: 105.5, h: 1e-7, i: 1e22, description: null, tags: {} },
    python: "{'f': 100.0, 'g': 105.5, 'h': 1e-07, 'i': 1e22, 'description': None, 'tags': {}}",
    expected: '{"f": 100.0, "g": 105.5, "h": 1e-07, "i": 1e+22, "description": null, "tags": {}}',
  },
];

describe('pyJsonDumps', () => {
  it.each(CASES)('$name', ({ value, options, expected }) => {
    expect(pyJsonDumps(value, options)).toBe(expected);
  });

  it('writes undefined as null, or leaves such keys out with omitUndefined', () => {
    expect(pyJsonDumps({ skip: undefined, keep: 0 })).toBe('{"skip": null, "keep": 0}');
    expect(pyJsonDumps({ skip: undefined, keep: 0 }, { omitUndefined: true })).toBe('{"keep": 0}');
    expect(pyJsonDumps([undefined], { omitUndefined: true })).toBe('[null]');
    expect(pyJsonDumps(undefined)).toBe('null');
  });

  it('has the parts on their own', () => {
    expect(pyJsonFloat(1)).toBe('1.0');
    expect(pyJsonFloat(NaN)).toBe('NaN');
    expect(pyJsonString('é')).toBe(String.raw`"\u00e9"`);
  });
});

describe('pyJsonDumps as validation messages use it (sort_keys, compact separators)', () => {
  it.each([
    [
      { b: [1, 'x\u00e9\n"\\ \u007f'], a: null, c: true, d: 1.5 },
      '{"a":null,"b":[1,"x\\u00e9\\n\\"\\\\ \\u007f"],"c":true,"d":1.5}',
    ],
    ['foo', '"foo"'],
    [{ key: 'a' }, '{"key":"a"}'],
    [[{ key: 'mae', value: 2.5 }], '[{"key":"mae","value":2.5}]'],
    [9.5, '9.5'],
    [1e16, '10000000000000000'],
    [NaN, 'NaN'],
    ['\ud83d\ude00', '"\\ud83d\\ude00"'],
    [undefined, 'null'],
    [1e22, '10000000000000000000000'],
  ])('%j', (value, text) => {
    expect(pyJsonDumps(value, { sortKeys: true, separators: [',', ':'], largeIntegers: 'int' })).toBe(text);
  });
});

const VENV_PYTHON = new URL('../../../../compat/.venv/bin/python', import.meta.url).pathname;
const PYTHON = existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3';
const hasPython = spawnSync(PYTHON, ['--version']).status === 0;
if (!hasPython) {
  if (env.CI === 'true') throw new Error('python3 is needed for the comparison with Python');
  console.warn('SKIPPING the live comparison with Python: no python3');
}

/** json.dumps keyword arguments for our options (the JS-only ones have no Python counterpart). */
function pythonKwargs(options: PyJsonDumpsOptions = {}): string {
  const args: string[] = [];
  if (options.sortKeys) args.push('sort_keys=True');
  if (options.indent !== undefined) args.push(`indent=${options.indent}`);
  if (options.separators) args.push(`separators=(${options.separators.map((s) => `'${s}'`).join(', ')})`);
  return args.join(', ');
}

describe.runIf(hasPython)('the expected strings are what Python prints', () => {
  it('for every case', () => {
    const lines = CASES.map(
      (c) => `json.dumps(${c.python}${c.options ? `, ${pythonKwargs(c.options)}` : ''})`,
    );
    const code = `import json\nprint(json.dumps([\n${lines.join(',\n')}\n]))`;
    const run = spawnSync(PYTHON, ['-c', code], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(CASES.map((c) => c.expected));
  });
});
