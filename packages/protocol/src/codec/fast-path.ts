// The request parser's fast path: one compiled TypeBox check that a body is already canonical.
import { Type, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { FieldPlan, MessagePlan } from './message-plan.js';
import { INT32_MAX } from './message-plan.js';

export type FastCheck = (json: unknown) => boolean;

const cache = new WeakMap<MessagePlan, FastCheck>();

/**
 * A compiled check that accepts exactly the bodies the slow parser would take unchanged: only
 * known snake_case keys, right JSON types, finite numbers, in-range integers, enums by name,
 * no nulls, and every non-optional field of nested messages present. Such a body is already the
 * decoded message (top-level defaults aside), so it is used as is, without a copy — the hot
 * log-batch path. Anything else goes through the slow parser, which gives the same answer.
 */
export function fastCheckFor(plan: MessagePlan): FastCheck {
  let check = cache.get(plan);
  if (!check) {
    const compiled = TypeCompiler.Compile(messageSchema(plan, true));
    check = (json) => compiled.Check(json);
    cache.set(plan, check);
  }
  return check;
}

function messageSchema(plan: MessagePlan, topLevel: boolean): TSchema {
  const props: Record<string, TSchema> = {};
  for (const f of plan.fields) {
    const s = f.repeated ? Type.Array(itemSchema(f)) : itemSchema(f);
    // top-level fields may be absent (the decoder fills their defaults cheaply afterwards)
    props[f.name] = topLevel || !f.required ? Type.Optional(s) : s;
  }
  return Type.Object(props, { additionalProperties: false });
}

function itemSchema(f: FieldPlan): TSchema {
  switch (f.kind) {
    case 'string':
      return Type.String();
    case 'bool':
      return Type.Boolean();
    case 'double':
      return Type.Number();
    case 'int32':
      return Type.Integer({ minimum: -INT32_MAX - 1, maximum: INT32_MAX });
    case 'int64':
      return Type.Integer({ minimum: -(2 ** 63), maximum: 2 ** 63 });
    case 'enum':
      return Type.Union([...(f.enumByName ?? [])].map((n) => Type.Literal(n)));
    case 'message':
      if (!f.message) throw new Error(`field ${f.name}: message without plan`);
      return messageSchema(f.message, false);
  }
}
