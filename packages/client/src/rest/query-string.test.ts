// The GET query string: repeated keys for lists, undefined left out, non-finite numbers as MLflow spells them.
import { describe, expect, it } from 'vitest';
import { encodeQuery } from './query-string.js';
import { decodeResponse } from './decode-response.js';
import { trackingEndpoints as t } from '@mlflow-ts/protocol';

describe('encodeQuery', () => {
  it('repeats keys for lists and drops undefined fields', () => {
    expect(
      encodeQuery({ run_ids: ['a', 'b'], metric_key: 'loss x', start_step: undefined, max_results: 5 }),
    ).toBe('run_ids=a&run_ids=b&metric_key=loss+x&max_results=5');
  });
  it('writes booleans lowercase', () => {
    expect(encodeQuery({ flag: true })).toBe('flag=true');
  });
});

describe('decodeResponse', () => {
  it('reads "NaN"/"Infinity"/"-Infinity" as numbers in double fields only', () => {
    const wire = {
      run: {
        info: {
          run_id: 'NaN',
          run_uuid: 'NaN',
          experiment_id: '0',
          status: 'RUNNING',
          lifecycle_stage: 'active',
        },
        data: {
          metrics: [
            { key: 'NaN', value: 'NaN', timestamp: 1, step: 0 },
            { key: 'b', value: '-Infinity', timestamp: 1, step: 0 },
          ],
          params: [{ key: 'p', value: 'Infinity' }],
        },
      },
    };
    const out = decodeResponse(t.getRun.response, wire) as typeof wire;
    expect(out.run.data.metrics.map((m) => m.value)).toEqual([NaN, -Infinity]);
    expect(out.run.data.metrics[0]?.key).toBe('NaN');
    expect(out.run.info.run_id).toBe('NaN');
    expect(out.run.data.params[0]?.value).toBe('Infinity');
  });
  it('returns the same object when nothing changes', () => {
    const wire = { experiments: [{ experiment_id: '1', name: 'x', lifecycle_stage: 'active' }] };
    expect(decodeResponse(t.searchExperiments.response, wire)).toBe(wire);
  });
});
