// Reads MLflow's response JSON into the protocol's static types: "NaN"/"Infinity" strings in double fields become numbers.
import type { TSchema } from '@sinclair/typebox';

// TypeBox's kind marker (Symbol.for keeps this file free of a runtime typebox import).
const Kind = Symbol.for('TypeBox.Kind');

interface SchemaNode {
  [Kind]?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
}

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function acceptsNumber(s: SchemaNode): boolean {
  const kind = s[Kind];
  if (kind === 'Number' || kind === 'Integer') return true;
  return kind === 'Union' && (s.anyOf ?? []).some(acceptsNumber);
}

/**
 * Walks `value` along `schema`: protobuf JSON writes non-finite doubles as strings, which the
 * static types promise as numbers; int64 already arrives as JSON numbers from MLflow. Objects
 * are copied only on the way to a change, so most responses come back as the very same value.
 *
 * @example
 * decodeResponse(trackingEndpoints.getRun.response, json) // metric values 'NaN' → NaN
 */
export function decodeResponse(schema: TSchema, value: unknown): unknown {
  return walk(schema as SchemaNode, value);
}

function walk(s: SchemaNode, v: unknown): unknown {
  if (typeof v === 'string') {
    if (v in NON_FINITE && acceptsNumber(s)) return NON_FINITE[v];
    return v;
  }
  if (typeof v !== 'object' || v === null) return v;
  const kind = s[Kind];
  if (Array.isArray(v)) {
    const item = kind === 'Array' ? s.items : undefined;
    if (!item) return v;
    let out: unknown[] | undefined;
    v.forEach((x: unknown, i) => {
      const y = walk(item, x);
      if (y !== x) (out ??= v.slice())[i] = y;
    });
    return out ?? v;
  }
  if (kind === 'Union') {
    // Try each object member; the first that changes something wins (unions of messages are rare).
    for (const member of s.anyOf ?? []) {
      const y = walk(member, v);
      if (y !== v) return y;
    }
    return v;
  }
  const obj = v as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(obj)) {
    const sub = fieldSchema(s, k);
    if (!sub) continue;
    const x = obj[k];
    const y = walk(sub, x);
    if (y !== x) (out ??= { ...obj })[k] = y;
  }
  return out ?? obj;
}

function fieldSchema(s: SchemaNode, key: string): SchemaNode | undefined {
  const own = s.properties?.[key];
  if (own) return own;
  const pattern = s.patternProperties ? Object.values(s.patternProperties)[0] : undefined;
  if (pattern) return pattern;
  return typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
}
