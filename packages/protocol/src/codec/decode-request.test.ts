// decodeRequest's ok table: what each well- or oddly-formed request decodes to (as MLflow 3.18.0 reads it).
import { describe, expect, it } from 'vitest';
import type { HttpMethod } from '../endpoint.js';
import { trackingEndpoints as T, type TrackingEndpointName } from '../messages/tracking-endpoints.js';
import { decodeRequest } from './decode-request.js';
import type { QueryParams } from './request-json.js';

const RUN = '419a61fa27ad4aaea8573008a3fc3958';
const post = (body: unknown) => ({ method: 'POST' as HttpMethod, query: {}, body });
const decode = (
  name: TrackingEndpointName,
  input: { method: HttpMethod; query: QueryParams; body: unknown },
) => decodeRequest(T[name], input) as unknown;

const SEARCH_EXP_DEFAULTS = {
  max_results: 0,
  page_token: '',
  filter: '',
  order_by: [],
  view_type: 'ACTIVE_ONLY',
};
const LOG_METRIC_DEFAULTS = { step: 0, model_id: '', dataset_name: '', dataset_digest: '' };

type OkCase = [string, TrackingEndpointName, ReturnType<typeof post>, unknown];
const ok: OkCase[] = [
  // experiments
  [
    'defaults of absent fields',
    'createExperiment',
    post({ name: 'x' }),
    { name: 'x', artifact_location: '', tags: [] },
  ],
  [
    'unknown fields dropped',
    'createExperiment',
    post({ name: 'x', extra: 1, tags: [{ key: 'k', value: 'v', z: 2 }] }),
    { name: 'x', artifact_location: '', tags: [{ key: 'k', value: 'v' }] },
  ],
  [
    'camelCase accepted',
    'createExperiment',
    post({ name: 'x', artifactLocation: 'loc' }),
    { name: 'x', artifact_location: 'loc', tags: [] },
  ],
  [
    'double-encoded body',
    'createExperiment',
    post('{"name": "dbl"}'),
    { name: 'dbl', artifact_location: '', tags: [] },
  ],
  [
    'a str tag entry parses as an empty tag (the store then rejects key "")',
    'createExperiment',
    post({ name: 'x', tags: [{ key: 'k', value: 'v' }, 'x'] }),
    { name: 'x', artifact_location: '', tags: [{ key: 'k', value: 'v' }, { key: '' }] },
  ],
  [
    'null clears a field',
    'createExperiment',
    post({ name: 'x', artifact_location: null }),
    { name: 'x', artifact_location: '', tags: [] },
  ],
  [
    'an extension-like key stops the parse first (MLflow: "Invalid experiment name: \'\'")',
    'createExperiment',
    post({ '[ext]': 1, name: 'zz' }),
    { name: '', artifact_location: '', tags: [] },
  ],
  ['empty body', 'searchExperiments', post(undefined), SEARCH_EXP_DEFAULTS],
  [
    'view_type by number',
    'searchExperiments',
    post({ max_results: 5, view_type: 2 }),
    { ...SEARCH_EXP_DEFAULTS, max_results: 5, view_type: 'DELETED_ONLY' },
  ],
  [
    'view_type by numeric text',
    'searchExperiments',
    post({ view_type: '3' }),
    { ...SEARCH_EXP_DEFAULTS, view_type: 'ALL' },
  ],
  [
    'unknown enum name ignored',
    'searchExperiments',
    post({ view_type: 'bogus', max_results: 1 }),
    { ...SEARCH_EXP_DEFAULTS, max_results: 1 },
  ],
  [
    'out-of-range enum number: parse fails, field unset',
    'searchExperiments',
    post({ max_results: 1, view_type: 9 }),
    { ...SEARCH_EXP_DEFAULTS, max_results: 1 },
  ],
  ['bool as enum reads int(True) = 1', 'searchExperiments', post({ view_type: true }), SEARCH_EXP_DEFAULTS],
  // runs
  [
    'search defaults from the proto',
    'searchRuns',
    post({}),
    {
      experiment_ids: [],
      filter: '',
      run_view_type: 'ACTIVE_ONLY',
      max_results: 1000,
      order_by: [],
      page_token: '',
    },
  ],
  [
    'numeric experiment ids are not converted: parse stops (MLflow finds no runs)',
    'searchRuns',
    post({ experiment_ids: [0] }),
    {
      experiment_ids: [],
      filter: '',
      run_view_type: 'ACTIVE_ONLY',
      max_results: 1000,
      order_by: [],
      page_token: '',
    },
  ],
  [
    'max_results as text',
    'searchRuns',
    post({ experiment_ids: ['1'], max_results: '50' }),
    {
      experiment_ids: ['1'],
      filter: '',
      run_view_type: 'ACTIVE_ONLY',
      max_results: 50,
      order_by: [],
      page_token: '',
    },
  ],
  [
    'run_uuid fills run_id; unknown status leaves it unset',
    'updateRun',
    post({ run_uuid: 'abc', status: 'BOGUS' }),
    { run_uuid: 'abc', run_id: 'abc' },
  ],
  [
    'status by number',
    'updateRun',
    post({ run_id: 'r', status: 3, end_time: 5 }),
    { run_id: 'r', status: 'FINISHED', end_time: 5 },
  ],
  [
    'delete-run has no run_uuid: run_id stays empty (MLflow: "Run with id= not found")',
    'deleteRun',
    post({ run_uuid: RUN }),
    { run_id: '' },
  ],
  [
    'create-run keeps proto defaults',
    'createRun',
    post({ experiment_id: '0', tags: [{ key: 'a', value: 'b' }] }),
    { experiment_id: '0', user_id: '', run_name: '', start_time: 0, tags: [{ key: 'a', value: 'b' }] },
  ],
  // logging
  [
    'metric value "NaN"',
    'logMetric',
    post({ run_id: 'r', key: 'k', value: 'NaN', timestamp: 5 }),
    { run_id: 'r', key: 'k', value: NaN, timestamp: 5, ...LOG_METRIC_DEFAULTS },
  ],
  [
    'metric value "Infinity"',
    'logMetric',
    post({ run_id: 'r', key: 'k', value: 'Infinity', timestamp: 5, step: 2 }),
    { run_id: 'r', key: 'k', value: Infinity, timestamp: 5, ...LOG_METRIC_DEFAULTS, step: 2 },
  ],
  [
    'metric value "-Infinity"',
    'logMetric',
    post({ run_id: 'r', key: 'k', value: '-Infinity', timestamp: 5 }),
    { run_id: 'r', key: 'k', value: -Infinity, timestamp: 5, ...LOG_METRIC_DEFAULTS },
  ],
  [
    'metric value "inf" (Python float())',
    'logMetric',
    post({ run_id: 'r', key: 'k', value: 'inf', timestamp: 5 }),
    { run_id: 'r', key: 'k', value: Infinity, timestamp: 5, ...LOG_METRIC_DEFAULTS },
  ],
  [
    'numeric text',
    'logMetric',
    post({ run_id: 'r', key: 'k', value: '1.5', timestamp: '60', step: '1e3' }),
    { run_id: 'r', key: 'k', value: 1.5, timestamp: 60, ...LOG_METRIC_DEFAULTS, step: 1000 },
  ],
  [
    'bool value reads 1.0',
    'logMetric',
    post({ run_id: 'r', key: 'k', value: true, timestamp: 61 }),
    { run_id: 'r', key: 'k', value: 1, timestamp: 61, ...LOG_METRIC_DEFAULTS },
  ],
  [
    '"nan" stops the parse: value and timestamp 0 (recorded)',
    'logMetric',
    post({ run_id: 'r', key: 'partial1', value: 'nan', timestamp: 5 }),
    { run_id: 'r', key: 'partial1', value: 0, timestamp: 0, ...LOG_METRIC_DEFAULTS },
  ],
  [
    'step 1.5 stops the parse before value (recorded)',
    'logMetric',
    post({ run_id: 'r', key: 'partial2', timestamp: 7, step: 1.5, value: 3 }),
    { run_id: 'r', key: 'partial2', value: 0, timestamp: 7, ...LOG_METRIC_DEFAULTS },
  ],
  [
    'timestamp true stops the parse',
    'logMetric',
    post({ run_id: 'r', key: 'k', value: 2, timestamp: true }),
    { run_id: 'r', key: 'k', value: 2, timestamp: 0, ...LOG_METRIC_DEFAULTS },
  ],
  [
    '" 12 " (spaces) stops the parse; MLflow logs timestamp 0 (recorded)',
    'logMetric',
    post({ run_id: 'r', key: 'sp', value: 1, timestamp: ' 12 ' }),
    { run_id: 'r', key: 'sp', value: 1, timestamp: 0, ...LOG_METRIC_DEFAULTS },
  ],
  [
    'run_uuid alone',
    'logMetric',
    post({ run_uuid: 'u', key: 'k', value: 1, timestamp: 1 }),
    { run_uuid: 'u', run_id: 'u', key: 'k', value: 1, timestamp: 1, ...LOG_METRIC_DEFAULTS },
  ],
  [
    'missing param value is ""',
    'logParam',
    post({ run_id: 'r', key: 'p' }),
    { run_id: 'r', key: 'p', value: '' },
  ],
  [
    'batch defaults',
    'logBatch',
    post({ run_id: 'r', metrics: [{ key: 'a', value: 1, timestamp: 2, step: 0 }] }),
    { run_id: 'r', metrics: [{ key: 'a', value: 1, timestamp: 2, step: 0 }], params: [], tags: [] },
  ],
  [
    'batch slow path: NaN text, missing step, unknown keys',
    'logBatch',
    post({ run_id: 'r', metrics: [{ key: 'a', value: 'NaN', timestamp: 2, x: 1 }], params: [{ key: 'p' }] }),
    {
      run_id: 'r',
      metrics: [{ key: 'a', value: NaN, timestamp: 2, step: 0 }],
      params: [{ key: 'p' }],
      tags: [],
    },
  ],
  [
    'batch partial parse keeps earlier metrics (recorded)',
    'logBatch',
    post({
      run_id: 'r',
      metrics: [
        { key: 'partial3', value: 4, timestamp: 9, step: 3 },
        { key: 'partial3', timestamp: 10, value: 'x', step: 4 },
      ],
    }),
    {
      run_id: 'r',
      metrics: [
        { key: 'partial3', value: 4, timestamp: 9, step: 3 },
        { key: 'partial3', value: 0, timestamp: 10, step: 0 },
      ],
      params: [],
      tags: [],
    },
  ],
  [
    'batch run_id after a bad metric is never parsed (MLflow: Invalid value "" for run_id)',
    'logBatch',
    post({ metrics: [{ key: 'c', value: 'zz', timestamp: 1 }], run_id: 'r' }),
    { run_id: '', metrics: [{ key: 'c', value: 0, timestamp: 0, step: 0 }], params: [], tags: [] },
  ],
  [
    'batch has no run_uuid field',
    'logBatch',
    post({ run_uuid: 'r' }),
    { run_id: '', metrics: [], params: [], tags: [] },
  ],
  [
    'empty dataset input gets proto defaults',
    'logInputs',
    post({ run_id: 'r', datasets: [{}] }),
    {
      run_id: 'r',
      datasets: [{ dataset: { name: '', digest: '', source_type: '', source: '' } }],
      models: [],
    },
  ],
  [
    'input tag without value',
    'logInputs',
    post({
      run_id: 'r',
      datasets: [
        { tags: [{ key: 'k' }], dataset: { name: 'n', digest: 'd', source_type: 's', source: 'x' } },
      ],
    }),
    {
      run_id: 'r',
      datasets: [
        { tags: [{ key: 'k' }], dataset: { name: 'n', digest: 'd', source_type: 's', source: 'x' } },
      ],
      models: [],
    },
  ],
  [
    'outputs',
    'logOutputs',
    post({ run_id: 'r', models: [{ model_id: 'm-1', step: '3' }] }),
    { run_id: 'r', models: [{ model_id: 'm-1', step: 3 }] },
  ],
  [
    'GET without a query reads the body',
    'getExperiment',
    { method: 'GET', query: {}, body: { experiment_id: '0' } },
    { experiment_id: '0' },
  ],
];

describe('decodeRequest', () => {
  it.each(ok)('%s (%s)', (_label, name, input, expected) => {
    expect(decode(name, input)).toEqual(expected);
  });

  it('takes the well-formed log-batch body as is (fast path: no copy of the metrics)', () => {
    const metrics = Array.from({ length: 3 }, (_v, i) => ({ key: 'm', value: i, timestamp: 1, step: i }));
    const req = decodeRequest(T.logBatch, post({ run_id: 'r', metrics }));
    expect(req.metrics).toBe(metrics);
    expect(req.params).toEqual([]);
  });

  it('does not mutate the body it is given', () => {
    const body = { run_id: 'r', metrics: [{ key: 'a', value: 'NaN', timestamp: 1 }] };
    const copy = structuredClone(body);
    decodeRequest(T.logBatch, post(body));
    expect(body).toEqual(copy);
  });
});
