// MLflow's response JSON: undefined omitted, non-finite numbers as strings.
import { describe, expect, it } from 'vitest';
import { decodeJson, parseRequestBody } from './decode-json.js';
import { encodeJson } from './encode-json.js';

describe('encodeJson', () => {
  it.each([
    [{ a: 1, b: undefined }, '{"a":1}'],
    [{ value: NaN }, '{"value":"NaN"}'],
    [{ value: Infinity, other: -Infinity }, '{"value":"Infinity","other":"-Infinity"}'],
    [
      { metrics: [{ key: 'm', value: NaN, timestamp: 1, step: 0 }] },
      '{"metrics":[{"key":"m","value":"NaN","timestamp":1,"step":0}]}',
    ],
    [[1, NaN, undefined], '[1,"NaN",null]'],
    [{ store_type: null, flags: { on: true } }, '{"store_type":null,"flags":{"on":true}}'],
    [{ tag: 'null', n: 1.5 }, '{"tag":"null","n":1.5}'],
    [{}, '{}'],
    [{ when: new Date(0) }, '{"when":"1970-01-01T00:00:00.000Z"}'],
    [NaN, '"NaN"'],
  ])('%j', (value, text) => {
    expect(encodeJson(value)).toBe(text);
  });

  it('never changes the value it encodes', () => {
    const value = { metrics: [{ value: NaN }, { value: 1 }] };
    encodeJson(value, { omitEmptyArrays: true });
    expect(value.metrics[0]?.value).toBeNaN();
  });

  it('leaves out empty arrays under fields when asked (protobuf omits empty repeated fields)', () => {
    const run = {
      info: { run_id: 'r' },
      data: { metrics: [], params: [{ key: 'p', value: 'v' }], tags: [] },
    };
    expect(encodeJson(run, { omitEmptyArrays: true })).toBe(
      '{"info":{"run_id":"r"},"data":{"params":[{"key":"p","value":"v"}]}}',
    );
    expect(encodeJson({ metrics: [] })).toBe('{"metrics":[]}');
    expect(encodeJson([], { omitEmptyArrays: true })).toBe('[]');
  });

  it('round-trips through decodeJson except for non-finite numbers, which come back as strings', () => {
    const value = { a: [1, 2.5, 'x'], b: { c: true }, d: NaN };
    expect(decodeJson(encodeJson(value))).toEqual({ ...value, d: 'NaN' });
  });
});

describe('decodeJson / parseRequestBody', () => {
  it('reads the bare NaN and Infinity tokens Python writes, but not inside strings', () => {
    expect(decodeJson('{"value":NaN,"v2":-Infinity,"s":"NaN Infinity","v3":[Infinity]}')).toEqual({
      value: NaN,
      v2: -Infinity,
      s: 'NaN Infinity',
      v3: [Infinity],
    });
    expect(decodeJson('{"s":"a\\"NaN"}')).toEqual({ s: 'a"NaN' });
  });
  it('throws on text that is not JSON', () => {
    expect(() => decodeJson('{bad')).toThrow(SyntaxError);
    expect(() => decodeJson('{"a": NaNx}')).toThrow(SyntaxError);
  });
  it('reads an empty or unparseable request body as undefined, like Flask get_json(silent=True)', () => {
    expect(parseRequestBody('')).toBeUndefined();
    expect(parseRequestBody('  ')).toBeUndefined();
    expect(parseRequestBody('{bad json')).toBeUndefined();
    expect(parseRequestBody('{"name": "x"}')).toEqual({ name: 'x' });
    expect(parseRequestBody('"{\\"name\\": 1}"')).toBe('{"name": 1}');
  });
});
