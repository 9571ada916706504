// The registry endpoint table against MLflow 3.18.0's compiled model_registry descriptors (fixture).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planMessage, type MessagePlan } from '../../codec/message-plan.js';
import { registryEndpoints, type RegistryEndpointName } from '../registry-endpoints.js';

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
// Written from mlflow.protos.model_registry_pb2 (service descriptors and request messages).
const proto = JSON.parse(readFileSync(new URL('./registry-proto.json', import.meta.url), 'utf8')) as Record<
  string,
  ProtoRpc
>;

function compareFields(plan: MessagePlan, fields: ProtoField[], where: string): void {
  expect(plan.fields.map((f) => f.name).sort(), where).toEqual(fields.map((f) => f.name).sort());
  for (const pf of fields) {
    const ours = plan.fields.find((f) => f.name === pf.name);
    expect(ours?.kind, `${where}.${pf.name}`).toBe(pf.kind);
    expect(ours?.repeated, `${where}.${pf.name} repeated`).toBe(pf.repeated);
    if (pf.fields && ours?.message) compareFields(ours.message, pf.fields, `${where}.${pf.name}`);
  }
}

describe('registryEndpoints', () => {
  it('has every RPC of the registry service, each entry named after its key', () => {
    expect(Object.keys(registryEndpoints).sort()).toEqual(Object.keys(proto).sort());
    for (const [key, ep] of Object.entries(registryEndpoints)) expect(ep.name).toBe(key);
  });

  it.each(Object.keys(proto) as RegistryEndpointName[])(
    '%s matches the proto route and request fields',
    (name) => {
      const ep = registryEndpoints[name];
      const rpc = proto[name] as ProtoRpc;
      expect([...ep.methods].sort()).toEqual(rpc.endpoints.map((e) => e.method).sort());
      for (const e of rpc.endpoints)
        expect({ path: ep.path, since: ep.since }).toEqual({ path: e.path, since: e.since });
      compareFields(planMessage(ep.request), rpc.request, name);
    },
  );

  it('has a field for every field its rules name', () => {
    for (const ep of Object.values(registryEndpoints)) {
      const plan = planMessage(ep.request);
      for (const key of Object.keys('rules' in ep && ep.rules ? ep.rules : {})) {
        expect(plan.byKey.has(key), `${ep.name}.${key}`).toBe(true);
      }
    }
  });
});
