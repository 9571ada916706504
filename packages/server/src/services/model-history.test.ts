// The log-model history entry and tag value, as MLflow's record_logged_model writes them.
import { describe, expect, it } from 'vitest';
import { appendModelHistory, modelHistoryEntry } from './model-history.js';

const NOW = new Date('2024-05-06T07:08:09.123Z');

describe('modelHistoryEntry', () => {
  it('keeps MLflow key order and drops flavor config blocks', () => {
    const entry = modelHistoryEntry(
      {
        flavors: { sklearn: { config: { x: 1 }, version: '1' }, odd: 'text' },
        run_id: 'r',
        utc_time_created: 't',
        artifact_path: 'm',
        extra: 1,
      },
      NOW,
    );
    expect(Object.keys(entry)).toEqual([
      'run_id',
      'artifact_path',
      'utc_time_created',
      'model_uuid',
      'flavors',
    ]);
    expect(entry).toEqual({
      run_id: 'r',
      artifact_path: 'm',
      utc_time_created: 't',
      model_uuid: null,
      flavors: { sklearn: { version: '1' }, odd: 'text' },
    });
  });

  it('fills an empty creation time with the current UTC time in Python str() form', () => {
    expect(
      modelHistoryEntry({ flavors: {}, run_id: null, utc_time_created: '', artifact_path: null }, NOW),
    ).toEqual({
      utc_time_created: '2024-05-06 07:08:09.123000',
      model_uuid: null,
      flavors: {},
    });
  });

  it('prints a numeric creation time with Python str()', () => {
    expect(
      modelHistoryEntry({ flavors: {}, run_id: 'r', utc_time_created: 12, artifact_path: 'm' }, NOW)
        .utc_time_created,
    ).toBe('12');
  });
});

describe('appendModelHistory', () => {
  it('starts a list, then appends in json.dumps layout', () => {
    const first = appendModelHistory(undefined, { a: 1 });
    expect(first).toBe('[{"a": 1}]');
    expect(appendModelHistory(first, { b: 'é' })).toBe('[{"a": 1}, {"b": "\\u00e9"}]');
  });
});
