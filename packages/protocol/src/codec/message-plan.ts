// Reads a TypeBox message schema once into a field table the request parser walks (proto field kinds).
import { Kind, type TSchema } from '@sinclair/typebox';

/**
 * Proto scalar kinds as the schemas spell them: Type.String, Type.Number (double),
 * Type.Integer (int64; int32 when `maximum` is 2^31-1), Type.Boolean, a Union of string
 * Literals (an enum, held by name), Type.Object (a nested message).
 */
export type FieldKind = 'string' | 'int32' | 'int64' | 'double' | 'bool' | 'enum' | 'message';

export interface FieldPlan {
  readonly name: string;
  /** protobuf's JSON name (lowerCamelCase); ParseDict accepts it as well as `name`. */
  readonly jsonName: string;
  readonly kind: FieldKind;
  readonly repeated: boolean;
  /** Non-optional in the TS type: filled with the proto default when the request left it out. */
  readonly required: boolean;
  readonly defaultValue: unknown;
  readonly enumByName?: ReadonlySet<string>;
  readonly enumByNumber?: ReadonlyMap<number, string>;
  readonly message?: MessagePlan;
}

export interface MessagePlan {
  readonly fields: readonly FieldPlan[];
  /** Both spellings of every field name → the field. */
  readonly byKey: ReadonlyMap<string, FieldPlan>;
  readonly hasRunUuid: boolean;
  /** camelCase spelling → proto name, for fields whose two spellings differ. */
  readonly snakeOfCamel: ReadonlyMap<string, string>;
  /** The fields holding nested messages (where alias checks and defaults recurse). */
  readonly messageFields: readonly FieldPlan[];
}

export const INT32_MAX = 2147483647;

/**
 * Enum numbers when they are not simply 1, 2, 3… in declaration order (MLflow's tracking enums
 * RunStatus and ViewType are). Keyed by the names joined with '|'.
 */
const ENUM_NUMBERS: Record<string, readonly number[]> = {};

/** Declares the proto numbers of an enum whose values are not numbered 1, 2, 3… in order. */
export function registerEnumNumbers(names: readonly string[], numbers: readonly number[]): void {
  ENUM_NUMBERS[names.join('|')] = numbers;
}

export function toJsonName(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

interface SchemaLike {
  [Kind]?: string;
  type?: string;
  const?: unknown;
  maximum?: number;
  default?: unknown;
  items?: SchemaLike;
  anyOf?: SchemaLike[];
  properties?: Record<string, SchemaLike>;
  required?: string[];
}

const cache = new WeakMap<TSchema, MessagePlan>();

export function planMessage(schema: TSchema): MessagePlan {
  const hit = cache.get(schema);
  if (hit) return hit;
  const s = schema as SchemaLike;
  if (s[Kind] !== 'Object' || !s.properties) throw new Error('message schemas must be Type.Object');
  const required = new Set(s.required ?? []);
  const fields = Object.entries(s.properties).map(([name, prop]) =>
    planField(name, prop, required.has(name)),
  );
  const byKey = new Map<string, FieldPlan>();
  for (const f of fields) {
    byKey.set(f.jsonName, f);
    byKey.set(f.name, f);
  }
  const plan: MessagePlan = {
    fields,
    byKey,
    hasRunUuid: byKey.has('run_uuid') && byKey.has('run_id'),
    snakeOfCamel: new Map(fields.filter((f) => f.jsonName !== f.name).map((f) => [f.jsonName, f.name])),
    messageFields: fields.filter((f) => f.message),
  };
  cache.set(schema, plan);
  return plan;
}

function planField(name: string, prop: SchemaLike, required: boolean): FieldPlan {
  const repeated = prop[Kind] === 'Array';
  const item = repeated ? prop.items : prop;
  if (!item) throw new Error(`field ${name}: array without items`);
  const base = { name, jsonName: toJsonName(name), repeated, required };
  switch (item[Kind]) {
    case 'String':
      return { ...base, kind: 'string', defaultValue: defaultOf(repeated, prop, '') };
    case 'Number':
      return { ...base, kind: 'double', defaultValue: defaultOf(repeated, prop, 0) };
    case 'Integer':
      return {
        ...base,
        kind: item.maximum === INT32_MAX ? 'int32' : 'int64',
        defaultValue: defaultOf(repeated, prop, 0),
      };
    case 'Boolean':
      return { ...base, kind: 'bool', defaultValue: defaultOf(repeated, prop, false) };
    case 'Union':
      return planEnum(base, item, prop);
    case 'Object':
      return { ...base, kind: 'message', message: planMessage(item as TSchema), defaultValue: undefined };
    default:
      throw new Error(`field ${name}: unsupported schema kind ${String(item[Kind])}`);
  }
}

function planEnum(
  base: Omit<FieldPlan, 'kind' | 'defaultValue'>,
  item: SchemaLike,
  prop: SchemaLike,
): FieldPlan {
  const names = (item.anyOf ?? []).map((member) => {
    if (typeof member.const !== 'string')
      throw new Error(`field ${base.name}: enum members must be string literals`);
    return member.const;
  });
  const numbers = ENUM_NUMBERS[names.join('|')] ?? names.map((_n, i) => i + 1);
  const enumByNumber = new Map<number, string>();
  names.forEach((n, i) => enumByNumber.set(numbers[i] ?? i + 1, n));
  // proto2: an enum field without an explicit default reads as its first declared value
  return {
    ...base,
    kind: 'enum',
    enumByName: new Set(names),
    enumByNumber,
    defaultValue: defaultOf(base.repeated, prop, names[0]),
  };
}

function defaultOf(repeated: boolean, prop: SchemaLike, protoDefault: unknown): unknown {
  if (repeated) return undefined;
  return prop.default !== undefined ? prop.default : protoDefault;
}
