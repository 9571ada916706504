// The compiled fast path accepts only canonical bodies, and agrees with the slow parser on them.
import { describe, expect, it } from 'vitest';
import { trackingEndpoints as T } from '../messages/tracking-endpoints.js';
import { fastCheckFor } from './fast-path.js';
import { planMessage } from './message-plan.js';
import { fillDefaults, parseMessage } from './proto-parse.js';

const batchPlan = planMessage(T.logBatch.request);
const fast = fastCheckFor(batchPlan);
const metric = { key: 'm', value: 1.5, timestamp: 1, step: 0 };

describe('log-batch fast path', () => {
  it.each([
    ['canonical', { run_id: 'r', metrics: [metric] }],
    [
      'with params, tags and optional metric fields',
      {
        run_id: 'r',
        metrics: [{ ...metric, dataset_name: 'd', model_id: 'm' }],
        params: [{ key: 'p', value: 'v' }],
        tags: [{ key: 't' }],
      },
    ],
    ['no fields at all', {}],
  ])('accepts %s, deciding as the slow parser would', (_label, body) => {
    expect(fast(body)).toBe(true);
    const viaFast = { ...body } as Record<string, unknown>;
    fillDefaults(batchPlan, viaFast, false);
    expect(parseMessage(batchPlan, body)).toEqual({ value: viaFast, ok: true });
  });

  it.each([
    ['camelCase key', { runId: 'r' }],
    ['unknown key', { run_id: 'r', extra: 1 }],
    ['unknown metric key', { run_id: 'r', metrics: [{ ...metric, x: 1 }] }],
    ['null', { run_id: null }],
    ['NaN as text', { run_id: 'r', metrics: [{ ...metric, value: 'NaN' }] }],
    ['a float timestamp', { run_id: 'r', metrics: [{ ...metric, timestamp: 1.5 }] }],
    ['a missing step', { run_id: 'r', metrics: [{ key: 'm', value: 1, timestamp: 1 }] }],
    ['an infinite value (JSON 1e400)', { run_id: 'r', metrics: [{ ...metric, value: Infinity }] }],
    ['a number for a string', { run_id: 7 }],
    ['a non-list repeated field', { run_id: 'r', metrics: {} }],
  ])('sends %s to the slow parser', (_label, body) => {
    expect(fast(body)).toBe(false);
  });

  it('range-checks int32 and takes enums by name only', () => {
    const searchFast = fastCheckFor(planMessage(T.searchRuns.request));
    expect(searchFast({ max_results: 2147483647, run_view_type: 'ALL' })).toBe(true);
    expect(searchFast({ max_results: 2147483648 })).toBe(false);
    expect(searchFast({ run_view_type: 3 })).toBe(false);
  });
});
