// The request parser's slow path: protobuf's ParseDict (ignore_unknown_fields) re-enacted on a field table.
import { handlerCrash } from './internal-error.js';
import type { FieldPlan, MessagePlan } from './message-plan.js';
import { INT32_MAX } from './message-plan.js';
import { isPlainObject, pyFloat, pyInt } from './python-values.js';

/** Thrown to stop the walk at the first bad value, as ParseDict's ParseError does. */
class ParseFailure extends Error {}
const FAIL = new ParseFailure('proto parse failed');
const SKIP = Symbol('unknown enum name');

// protobuf treats a key like "[pkg.ext]" as an extension; MLflow's messages have none → ParseError
const EXTENSION_NAME = /^\[[a-zA-Z0-9._]*\]$/;
const INT64_LIMIT = 2 ** 63;

export interface ParseOutcome {
  readonly value: Record<string, unknown>;
  /** false when protobuf would have raised: `value` then holds what was parsed before that point. */
  readonly ok: boolean;
}

/**
 * Parses the request JSON into a message. Like ParseDict it walks keys in order and stops at the
 * first bad value, keeping what it had already set; MLflow's handlers go on with that partial
 * message when their own schema does not object. Unknown keys are dropped, camelCase names are
 * accepted, unknown enum names leave the field unset. Proto defaults fill non-optional fields.
 */
export function parseMessage(plan: MessagePlan, json: Record<string, unknown>): ParseOutcome {
  const value: Record<string, unknown> = {};
  let ok = true;
  try {
    convertFields(plan, json, value);
  } catch (e) {
    if (e !== FAIL) throw e;
    ok = false;
  }
  fillDefaults(plan, value, true);
  return { value, ok };
}

function fail(): never {
  throw FAIL;
}

function convertFields(plan: MessagePlan, js: Record<string, unknown>, out: Record<string, unknown>): void {
  for (const key in js) {
    const field = plan.byKey.get(key);
    if (!field) {
      if (EXTENSION_NAME.test(key)) fail();
      continue;
    }
    const raw = js[key];
    if (raw === null) {
      delete out[field.name]; // null clears the field
      continue;
    }
    if (field.repeated) convertRepeated(field, raw, out);
    else if (field.message) {
      const sub = (out[field.name] ??= {}) as Record<string, unknown>;
      convertMessage(field.message, raw, sub);
    } else {
      const v = convertScalar(field, raw);
      if (v !== SKIP) out[field.name] = v;
    }
  }
}

function convertRepeated(field: FieldPlan, raw: unknown, out: Record<string, unknown>): void {
  const list: unknown[] = [];
  out[field.name] = list;
  if (!Array.isArray(raw)) fail();
  for (const item of raw) {
    if (item === null) fail();
    if (field.message) {
      const sub: Record<string, unknown> = {};
      list.push(sub);
      convertMessage(field.message, item, sub);
    } else {
      const v = convertScalar(field, item);
      if (v !== SKIP) list.push(v);
    }
  }
}

/** ParseDict iterates whatever it is given as the message's keys: a str or list can "parse". */
function convertMessage(plan: MessagePlan, raw: unknown, out: Record<string, unknown>): void {
  if (isPlainObject(raw)) return convertFields(plan, raw, out);
  if (typeof raw === 'string') return; // one-character names: never a field
  if (!Array.isArray(raw)) fail(); // iterating a number or bool raises TypeError
  for (const el of raw) {
    if (typeof el !== 'string' || plan.byKey.has(el) || EXTENSION_NAME.test(el)) fail();
  }
}

function convertScalar(field: FieldPlan, v: unknown): unknown {
  switch (field.kind) {
    case 'string':
      return typeof v === 'string' ? v : fail();
    case 'bool':
      return typeof v === 'boolean' ? v : fail();
    case 'double':
      return convertDouble(v);
    case 'int32':
    case 'int64':
      return convertInteger(v, field.kind === 'int32' ? INT32_MAX : INT64_LIMIT);
    case 'enum':
      return convertEnum(field, v);
    default:
      return fail();
  }
}

/** protobuf's _ConvertFloat: numbers (finite), bools, and any text Python's float() reads but "nan". */
function convertDouble(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : fail();
  if (v === 'nan') fail();
  const r = pyFloat(v);
  return r.ok ? r.value : fail();
}

/** protobuf's _ConvertInteger: integral numbers, integer (or integral float) text without spaces. */
function convertInteger(v: unknown, max: number): number {
  if (typeof v === 'boolean') fail();
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) fail();
    return v < (max === INT32_MAX ? -INT32_MAX - 1 : -INT64_LIMIT) || v > max ? fail() : v;
  }
  if (typeof v === 'string' && v.includes(' ')) fail();
  let n: number;
  const r = pyInt(v);
  if (r.ok) n = r.value;
  else if (r.error === 'ValueError' && typeof v === 'string') {
    const f = pyFloat(v);
    if (!f.ok || !Number.isInteger(f.value)) fail();
    n = f.value;
  } else fail();
  const min = max === INT32_MAX ? -INT32_MAX - 1 : -INT64_LIMIT;
  return n < min || n > max ? fail() : n;
}

/** By name, else by number (int(x) of text, floats, bools); unknown names are skipped silently. */
function convertEnum(field: FieldPlan, v: unknown): unknown {
  if (typeof v === 'string' && field.enumByName?.has(v)) return v;
  if (Array.isArray(v) || isPlainObject(v)) fail(); // unhashable → TypeError
  const r = pyInt(v);
  if (!r.ok) {
    if (r.error === 'OverflowError') throw handlerCrash('enum value out of range');
    return SKIP; // EnumStringValueParseError, which ignore_unknown_fields swallows
  }
  return field.enumByNumber?.get(r.value) ?? fail(); // proto2 enums are closed
}

/** Sets proto defaults on the non-optional fields a parse left unset (recursively when `deep`). */
export function fillDefaults(plan: MessagePlan, out: Record<string, unknown>, deep: boolean): void {
  for (const f of plan.fields) {
    let v = out[f.name];
    if (v === undefined) {
      if (!f.required) continue;
      v = f.repeated ? [] : f.message ? {} : f.defaultValue;
      out[f.name] = v;
      if (f.message && !f.repeated) fillDefaults(f.message, v as Record<string, unknown>, true);
      continue;
    }
    if (!deep || !f.message) continue;
    if (f.repeated) for (const item of v as Record<string, unknown>[]) fillDefaults(f.message, item, true);
    else fillDefaults(f.message, v as Record<string, unknown>, true);
  }
}
