// decodeRequest on GET query strings and with the Content-Type header (as MLflow 3.18.0 reads them).
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { defineEndpoint, type HttpMethod } from '../endpoint.js';
import { trackingEndpoints as T, type TrackingEndpointName } from '../messages/tracking-endpoints.js';
import { EmptyResponse } from '../messages/wire-types.js';
import { decodeRequest } from './decode-request.js';
import type { QueryParams } from './request-json.js';

const RUN = '419a61fa27ad4aaea8573008a3fc3958';
const post = (body: unknown) => ({ method: 'POST' as HttpMethod, query: {}, body });
const get = (query: QueryParams) => ({ method: 'GET' as HttpMethod, query, body: undefined });
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

type GetCase = [string, TrackingEndpointName, QueryParams, unknown];
const okGet: GetCase[] = [
  [
    'search: text converted, repeated order_by',
    'searchExperiments',
    { max_results: '1', view_type: 'ALL', order_by: ['name', 'creation_time DESC'] },
    { ...SEARCH_EXP_DEFAULTS, max_results: 1, view_type: 'ALL', order_by: ['name', 'creation_time DESC'] },
  ],
  [
    'search: a single order_by becomes a list',
    'searchExperiments',
    { order_by: 'name' },
    { ...SEARCH_EXP_DEFAULTS, order_by: ['name'] },
  ],
  [
    'camelCase query keys are not fields',
    'getExperiment',
    { experimentId: '0', experiment_id: '1' },
    { experiment_id: '1' },
  ],
  ['a repeated non-list field takes the first value', 'getRun', { run_id: [RUN, 'other'] }, { run_id: RUN }],
  ['run_uuid fills run_id', 'getRun', { run_uuid: RUN }, { run_uuid: RUN, run_id: RUN }],
  [
    'history: max_results "1.0"',
    'getMetricHistory',
    { run_id: 'r', metric_key: 'm', max_results: '1.0' },
    { run_id: 'r', metric_key: 'm', page_token: '', max_results: 1 },
  ],
  [
    'history: " 2" fails the parse, so no paging (recorded)',
    'getMetricHistory',
    { run_id: 'r', metric_key: 'm', max_results: ' 2' },
    { run_id: 'r', metric_key: 'm', page_token: '' },
  ],
  [
    'history: int32 overflow leaves max_results unset',
    'getMetricHistory',
    { run_id: 'r', metric_key: 'm', max_results: '99999999999' },
    { run_id: 'r', metric_key: 'm', page_token: '' },
  ],
  [
    'bulk interval',
    'getMetricHistoryBulkInterval',
    { run_ids: 'a', metric_key: 'm', start_step: '0', end_step: '10', max_results: '3' },
    { run_ids: ['a'], metric_key: 'm', start_step: 0, end_step: 10, max_results: 3 },
  ],
  [
    'artifacts: path only when given',
    'listArtifacts',
    { run_uuid: RUN },
    { run_uuid: RUN, run_id: RUN, page_token: '' },
  ],
  [
    'artifacts with path',
    'listArtifacts',
    { run_id: RUN, path: 'dir' },
    { run_id: RUN, path: 'dir', page_token: '' },
  ],
  [
    'bulk (non-proto): run_id list, text values',
    'getMetricHistoryBulk',
    { run_id: ['a', 'b'], metric_key: 'm', max_results: '5' },
    { run_id: ['a', 'b'], metric_key: 'm', max_results: '5' },
  ],
  ['bulk (non-proto): nothing given', 'getMetricHistoryBulk', {}, { run_id: [] }],
  ['server info', 'serverInfo', {}, {}],
];

describe('decodeRequest (GET and headers)', () => {
  it.each(okGet)('GET %s (%s)', (_label, name, query, expected) => {
    expect(decode(name, get(query))).toEqual(expected);
  });

  it('checks Content-Type of POST bodies only when the header is passed', () => {
    expect(() => decodeRequest(T.createRun, { ...post({}), contentType: null })).toThrow(
      'Bad Request. Content-Type header is missing.',
    );
    expect(
      decodeRequest(T.createRun, { ...post({}), contentType: 'application/json; charset=utf-8' }),
    ).toBeTruthy();
    expect(decodeRequest(T.getRun, { ...get({ run_id: 'r' }), contentType: null })).toEqual({ run_id: 'r' });
  });

  describe('GET booleans', () => {
    const withBool = defineEndpoint({
      name: 'x',
      methods: ['GET'],
      path: '/x',
      since: 2,
      request: Type.Object({ allow_deleted: Type.Optional(Type.Boolean()) }),
      response: EmptyResponse,
    });
    it.each([
      ['true', true],
      ['FALSE', false],
      ['True', true],
    ])('%s', (text, value) => {
      expect(decodeRequest(withBool, get({ allow_deleted: text }))).toEqual({ allow_deleted: value });
    });
    it('refuses anything else with MLflow’s message', () => {
      expect(() => decodeRequest(withBool, get({ allow_deleted: 'yes' }))).toThrow(
        expect.objectContaining({
          code: 'INVALID_PARAMETER_VALUE',
          message: "Invalid boolean value: yes, must be 'true' or 'false'.",
        }) as Error,
      );
    });
  });
});
