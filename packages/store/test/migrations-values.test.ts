// The conversions step 75868b020152 applies to legacy trace data, case by case (Python's float/Decimal/json rules).
import { describe, expect, it } from 'vitest';
import {
  assessmentAggregate,
  boundedString,
  finiteFloat,
  jsonObject,
  spanDimensions,
  tokenCount,
  traceAnalytics,
} from '../src/migrations/steps/trace-analytics-values.js';

describe('trace analytics conversions', () => {
  it('reads token counts as whole BIGINTs only', () => {
    expect([10, '20', 30.0, '1e2', ' 7 ', '7.0', '-3'].map(tokenCount)).toEqual([10, 20, 30, 100, 7, 7, -3]);
    expect([2.5, '2.5', true, 'x', '', null, Number.NaN, '1e30', {}].map(tokenCount)).toEqual(
      Array(9).fill(null),
    );
    expect(tokenCount('9223372036854775807')).toBe('9223372036854775807');
    expect(tokenCount('9223372036854775808')).toBeNull();
  });

  it('reads costs as finite doubles, from numbers or numeric text', () => {
    expect([0.5, '0.25', ' 1e-3 ', '1_000'].map(finiteFloat)).toEqual([0.5, 0.25, 0.001, 1000]);
    expect(
      ['inf', 'nan', Number.POSITIVE_INFINITY, true, '', '0x10', '1__0', [], null].map(finiteFloat),
    ).toEqual(Array(9).fill(null));
  });

  it('cuts strings by characters and reads only JSON objects', () => {
    expect(boundedString('😀😀😀', 2)).toBe('😀😀');
    expect(boundedString(5, 2)).toBeNull();
    expect(jsonObject('{"a": 1}')).toEqual({ a: 1 });
    expect([jsonObject('[1]'), jsonObject('oops'), jsonObject(3)]).toEqual([{}, {}, {}]);
  });

  it('lets an existing token metric win over the tokenUsage JSON, even without a usable number', () => {
    const values = traceAnalytics(
      new Map([
        ['mlflow.trace.tokenUsage', '{"input_tokens": 1, "output_tokens": 2, "total_tokens": 3}'],
        ['mlflow.trace.session', 's'.repeat(300)],
        ['mlflow.trace.cost', '{"total_cost": "0.5"}'],
      ]),
      new Map<string, number | string | null>([
        ['input_tokens', 11],
        ['output_tokens', null],
      ]),
    );
    expect(values).toMatchObject({ input_tokens: 11, output_tokens: null, total_tokens: 3, total_cost: 0.5 });
    expect(values.session_id).toHaveLength(250);
  });

  it('aggregates assessment values: numbers are numeric, booleans and yes/no count without being numeric', () => {
    expect(
      ['0.8', 'true', '"Yes"', '" no "', '"text"', '1e400', 'NaN', '{"a": 1}', 'not json'].map(
        assessmentAggregate,
      ),
    ).toEqual([
      { value: 0.8, numeric: true },
      { value: 1, numeric: false },
      { value: 1, numeric: false },
      { value: 0, numeric: false },
      { value: null, numeric: false },
      { value: null, numeric: false },
      { value: null, numeric: false },
      { value: null, numeric: false },
      { value: null, numeric: false },
    ]);
  });

  it('keeps only model and provider span attributes, refusing anything the dropped column would lose', () => {
    expect(spanDimensions('{"mlflow.llm.model": "gpt", "mlflow.llm.provider": null}', 't/s')).toEqual({
      'mlflow.llm.model': 'gpt',
      'mlflow.llm.provider': null,
    });
    expect(spanDimensions(JSON.stringify('{"mlflow.llm.model": "m"}'), 't/s')).toEqual({
      'mlflow.llm.model': 'm',
    });
    expect(spanDimensions(null, 't/s')).toEqual({});
    expect(() => spanDimensions('{"other": 1}', 't/s')).toThrow(/unsupported content for span t\/s: other/);
    expect(() => spanDimensions('{"mlflow.llm.model": 5}', 't/s')).toThrow(/mlflow\.llm\.model/);
    expect(() => spanDimensions('{bad', 't/s')).toThrow(/malformed JSON for span t\/s/);
    expect(() => spanDimensions('[1]', 't/s')).toThrow(/unsupported content/);
  });
});
