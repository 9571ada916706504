// Unit tests of the compared values: rows with differences, numeric detection, axis positions.
import { describe, expect, it } from 'vitest';
import type { Run } from '@mlflow-ts/protocol';
import { axisScale } from './axis-scale.js';
import { compareDimensions, formatValue } from './compare-values.js';

function run(id: string, params: Record<string, string>, metrics: Record<string, number>): Run {
  return {
    info: { run_id: id, run_uuid: id, experiment_id: '0', status: 'FINISHED', lifecycle_stage: 'active' },
    data: {
      params: Object.entries(params).map(([key, value]) => ({ key, value })),
      metrics: Object.entries(metrics).map(([key, value]) => ({ key, value, timestamp: 0, step: 0 })),
    },
  };
}

describe('compareDimensions', () => {
  const dims = compareDimensions([
    run('a', { lr: '0.1', opt: 'adam', seed: '1' }, { loss: 0.5 }),
    run('b', { lr: '0.01', opt: 'adam', seed: '1' }, { loss: 0.25, acc: 0.9 }),
  ]);

  it('lists params then metrics, sorted, with missing values as undefined', () => {
    expect(dims.map((d) => d.id)).toEqual([
      'param:lr',
      'param:opt',
      'param:seed',
      'metric:acc',
      'metric:loss',
    ]);
    expect(dims.find((d) => d.id === 'metric:acc')?.values).toEqual([undefined, 0.9]);
  });

  it('marks what differs and what is numeric', () => {
    const flags = Object.fromEntries(dims.map((d) => [d.id, [d.differs, d.numeric]]));
    expect(flags).toEqual({
      'param:lr': [true, true],
      'param:opt': [false, false],
      'param:seed': [false, true],
      'metric:acc': [true, true],
      'metric:loss': [true, true],
    });
  });

  it('places numbers linearly and categories evenly', () => {
    const lr = axisScale(dims[0]!);
    expect(lr.position('0.1')).toBe(1);
    expect(lr.position('0.01')).toBe(0);
    expect(lr.position(undefined)).toBeUndefined();
    const opt = axisScale(
      compareDimensions([
        run('a', { o: 'sgd' }, {}),
        run('b', { o: 'adam' }, {}),
        run('c', { o: 'rms' }, {}),
      ])[0]!,
    );
    expect(opt.ticks.map((t) => [t.label, t.at])).toEqual([
      ['adam', 0],
      ['rms', 0.5],
      ['sgd', 1],
    ]);
  });

  it('formats numbers compactly', () => {
    expect([formatValue(undefined), formatValue(3), formatValue(0.123456789), formatValue(1e-9)]).toEqual([
      '—',
      '3',
      '0.123457',
      '1.0000e-9',
    ]);
  });
});
