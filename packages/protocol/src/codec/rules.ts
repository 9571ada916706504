// MLflow's per-handler request schemas (`schema=` of _get_request_message): the checks and how they run.
import { handlerCrash } from './internal-error.js';
import { isPlainObject, pyFloat, pyInt, pyLen, pyTypeName } from './python-values.js';
import {
  API_DOCS_HINT,
  invalidParameter,
  invalidValueMessage,
  missingValueMessage,
} from '../validation/messages.js';

/** What a failed check reports: Python's bare AssertionError, or one carrying a message. */
export type RuleFailure =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'message'; readonly text: string };

/**
 * One `_assert_*` of MLflow's handlers. `typeCheck` ones run only when the protobuf parse
 * failed (MLflow trusts the parse otherwise); the others always run.
 */
export interface Rule {
  readonly typeCheck: boolean;
  readonly isRequired?: boolean;
  check(value: unknown): RuleFailure | undefined;
}

/** A handler's schema: field name → checks, in MLflow's order. */
export type RequestRules = Readonly<Record<string, readonly Rule[]>>;

const INVALID: RuleFailure = { kind: 'invalid' };
const MISSING: RuleFailure = { kind: 'missing' };

/** `_assert_required`: null and "" both count as missing. */
export const required: Rule = {
  typeCheck: false,
  isRequired: true,
  check: (v) => (v === null || v === undefined || v === '' ? MISSING : undefined),
};

export const isString: Rule = {
  typeCheck: true,
  check: (v) => (typeof v === 'string' ? undefined : INVALID),
};

export const isBool: Rule = { typeCheck: true, check: (v) => (typeof v === 'boolean' ? undefined : INVALID) };

export const isArray: Rule = { typeCheck: true, check: (v) => (Array.isArray(v) ? undefined : INVALID) };

/** `_assert_dict` is not among MLflow's type validators, so it always runs. */
export const isDict: Rule = { typeCheck: false, check: (v) => (isPlainObject(v) ? undefined : INVALID) };

/** `_assert_intlike`: passes whenever Python's int(x) succeeds ("12", 1.5 and true included). */
export const isIntlike: Rule = {
  typeCheck: true,
  check(v) {
    const r = pyInt(v);
    if (r.ok) return undefined;
    if (r.error === 'ValueError') return INVALID;
    throw handlerCrash(`int() of ${pyTypeName(v)}`);
  },
};

/** `_assert_floatlike`: passes whenever Python's float(x) succeeds. */
export const isFloatlike: Rule = {
  typeCheck: true,
  check(v) {
    const r = pyFloat(v);
    if (r.ok) return undefined;
    if (r.error === 'ValueError') return INVALID;
    throw handlerCrash(`float() of ${pyTypeName(v)}`);
  },
};

/** `_assert_item_type_string`: every element is a str (iterating a str or dict yields str). */
export const itemsAreStrings: Rule = {
  typeCheck: true,
  check(v) {
    if (Array.isArray(v)) return v.every((i) => typeof i === 'string') ? undefined : INVALID;
    if (typeof v === 'string' || isPlainObject(v)) return undefined;
    throw handlerCrash(`iterating ${pyTypeName(v)}`);
  },
};

function intOf(v: unknown): number {
  const r = pyInt(v);
  if (!r.ok) throw handlerCrash(`int() of ${pyTypeName(v)}`);
  return r.value;
}

/** `lambda x: _assert_less_than_or_equal(int(x), max)` — a bare assertion, so the generic message. */
export function intAtMost(max: number): Rule {
  return { typeCheck: false, check: (v) => (intOf(v) > max ? INVALID : undefined) };
}

/** `lambda x: _assert_intlike_within_range(int(x), min, max, message)`. */
export function intInRange(min: number, max: number, message: string): Rule {
  return {
    typeCheck: false,
    check(v) {
      const n = intOf(v);
      return n < min || n > max ? { kind: 'message', text: message } : undefined;
    },
  };
}

/** `lambda x: _assert_less_than_or_equal(len(x), max, message=...)`. */
export function lengthAtMost(max: number, message: (length: number) => string): Rule {
  return {
    typeCheck: false,
    check(v) {
      const n = pyLen(v);
      if (n === undefined) throw handlerCrash(`len() of ${pyTypeName(v)}`);
      return n > max ? { kind: 'message', text: message(n) } : undefined;
    },
  };
}

/** log-batch's `_assert_<x>_fields_present`: each entry must carry the keys, reported as `metrics[3].key`. */
export function eachHasFields(field: string, keys: readonly string[]): Rule {
  return {
    typeCheck: false,
    check(v) {
      if (!Array.isArray(v)) {
        if ((typeof v === 'string' && v === '') || (isPlainObject(v) && Object.keys(v).length === 0))
          return undefined;
        throw handlerCrash(`${field} entries of type ${pyTypeName(v)}`);
      }
      for (let i = 0; i < v.length; i++) {
        const entry: unknown = v[i];
        if (!isPlainObject(entry)) throw handlerCrash(`${field}[${i}] of type ${pyTypeName(entry)}`);
        for (const key of keys) {
          const x = entry[key];
          if (x === null || x === undefined || x === '') {
            return { kind: 'message', text: missingValueMessage(`${field}[${i}].${key}`) };
          }
        }
      }
      return undefined;
    },
  };
}

/** Runs a handler schema over the request JSON the way `_validate_request_json_with_schema` does. */
export function applyRules(rules: RequestRules, json: Record<string, unknown>, parseOk: boolean): void {
  for (const key of Object.keys(rules)) {
    const checks = rules[key] ?? [];
    if (!Object.hasOwn(json, key) && !checks.some((c) => c.isRequired)) continue;
    let value = json[key] ?? null;
    // MLflow lets a deprecated run_uuid satisfy a required run_id
    if (key === 'run_id' && value === null && Object.hasOwn(json, 'run_uuid'))
      value = json['run_uuid'] ?? null;
    for (const c of checks) {
      if (c.typeCheck && parseOk) continue;
      const failure = c.check(value);
      if (!failure) continue;
      const text =
        failure.kind === 'message'
          ? failure.text
          : failure.kind === 'missing'
            ? missingValueMessage(key)
            : invalidValueMessage(key, value, ` Hint: Value was of type '${pyTypeName(value)}'.`);
      throw invalidParameter(text + API_DOCS_HINT);
    }
  }
}
