// The endpoint table against MLflow 3.18.0's compiled service descriptors (fixture from service_pb2).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planMessage, type MessagePlan } from '../codec/message-plan.js';
import { trackingEndpoints, type TrackingEndpointName } from './tracking-endpoints.js';

interface ProtoField {
  name: string;
  kind: string;
  repeated: boolean;
  enum?: Record<string, number>;
  fields?: ProtoField[];
}
interface ProtoRpc {
  endpoints: { method: string; path: string; since: number }[];
  request: ProtoField[];
}
const proto = JSON.parse(
  readFileSync(new URL('./test-support/service-proto.json', import.meta.url), 'utf8'),
) as Record<string, ProtoRpc>;

const EXPECTED_NAMES = [
  'getExperimentByName',
  'createExperiment',
  'searchExperiments',
  'getExperiment',
  'deleteExperiment',
  'restoreExperiment',
  'updateExperiment',
  'setExperimentTag',
  'deleteExperimentTag',
  'searchDatasets',
  'createRun',
  'updateRun',
  'deleteRun',
  'restoreRun',
  'getRun',
  'searchRuns',
  'logMetric',
  'logParam',
  'setTag',
  'deleteTag',
  'logBatch',
  'logModel',
  'logInputs',
  'logOutputs',
  'getMetricHistory',
  'getMetricHistoryBulkInterval',
  'getMetricHistoryBulk',
  'listArtifacts',
  'serverInfo',
];

/** Our schema's fields must be exactly the proto's, with the same kinds (enums by number too). */
function compareFields(plan: MessagePlan, fields: ProtoField[], where: string): void {
  expect(plan.fields.map((f) => f.name).sort(), where).toEqual(fields.map((f) => f.name).sort());
  for (const pf of fields) {
    const ours = plan.fields.find((f) => f.name === pf.name);
    expect(ours?.kind, `${where}.${pf.name}`).toBe(pf.kind);
    expect(ours?.repeated, `${where}.${pf.name} repeated`).toBe(pf.repeated);
    if (pf.enum) {
      for (const [name, n] of Object.entries(pf.enum))
        expect(ours?.enumByNumber?.get(n), `${where}.${pf.name}`).toBe(name);
    }
    if (pf.fields && ours?.message) compareFields(ours.message, pf.fields, `${where}.${pf.name}`);
  }
}

describe('trackingEndpoints', () => {
  it('has exactly the agreed RPC names, each entry named after its key', () => {
    expect(Object.keys(trackingEndpoints).sort()).toEqual([...EXPECTED_NAMES].sort());
    for (const [key, ep] of Object.entries(trackingEndpoints)) expect(ep.name).toBe(key);
  });

  const protoRpcs = Object.keys(proto) as TrackingEndpointName[];
  it.each(protoRpcs)('%s matches the proto route and request fields', (name) => {
    const ep = trackingEndpoints[name];
    const rpc = proto[name] as ProtoRpc;
    if (name === 'searchDatasets') {
      // proto path 'mlflow/experiments/search-datasets' (no leading slash) is unusable; see the table
      expect(ep).toMatchObject({
        path: '/mlflow/experiments/search-datasets',
        methods: ['POST'],
        ajaxOnly: true,
      });
    } else {
      expect([...ep.methods].sort()).toEqual(rpc.endpoints.map((e) => e.method).sort());
      for (const e of rpc.endpoints)
        expect({ path: ep.path, since: ep.since }).toEqual({ path: e.path, since: e.since });
    }
    compareFields(planMessage(ep.request), rpc.request, name);
  });

  it('routes the non-proto UI endpoints', () => {
    expect(trackingEndpoints.getMetricHistoryBulk).toMatchObject({
      methods: ['GET'],
      path: '/mlflow/metrics/get-history-bulk',
      since: 2,
      ajaxOnly: true,
      decode: 'query-args',
    });
    expect(trackingEndpoints.serverInfo).toMatchObject({
      methods: ['GET'],
      path: '/mlflow/server-info',
      since: 3,
    });
    expect(trackingEndpoints.serverInfo.ajaxOnly).toBeUndefined();
  });

  it('has a rule for every field its rules name', () => {
    for (const ep of Object.values(trackingEndpoints)) {
      const plan = planMessage(ep.request);
      for (const key of Object.keys('rules' in ep && ep.rules ? ep.rules : {})) {
        expect(plan.byKey.has(key), `${ep.name}.${key}`).toBe(true);
      }
    }
  });
});
