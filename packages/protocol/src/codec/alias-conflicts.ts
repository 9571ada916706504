// MLflow refuses a body that spells one field both ways (`run_id` and `runId`), at any depth.
import type { MessagePlan } from './message-plan.js';
import { isPlainObject } from './python-values.js';
import { invalidParameter } from '../validation/messages.js';

/** Mirrors handlers._reject_conflicting_field_aliases: ParseDict would silently let the later spelling win. */
export function rejectAliasConflicts(plan: MessagePlan, json: unknown): void {
  if (!isPlainObject(json)) return;
  // cheap scan first: only a camelCase key whose snake_case twin is present is a conflict
  for (const k in json) {
    const snake = plan.snakeOfCamel.get(k);
    if (snake !== undefined && Object.hasOwn(json, snake)) reportFirstConflict(plan, json);
  }
  for (const f of plan.messageFields) {
    const value = Object.hasOwn(json, f.name) ? json[f.name] : json[f.jsonName];
    if (Array.isArray(value)) for (const item of value) rejectAliasConflicts(f.message as MessagePlan, item);
    else rejectAliasConflicts(f.message as MessagePlan, value);
  }
}

/** MLflow names the first conflicting field in declaration order. */
function reportFirstConflict(plan: MessagePlan, json: Record<string, unknown>): never {
  for (const f of plan.fields) {
    const hasName = Object.hasOwn(json, f.name);
    const hasJsonName = f.name !== f.jsonName && Object.hasOwn(json, f.jsonName);
    if (hasName && hasJsonName) {
      throw invalidParameter(
        `Request specifies both '${f.name}' and '${f.jsonName}'; provide only one of them.`,
      );
    }
  }
  throw new Error('unreachable: a conflict was seen');
}
