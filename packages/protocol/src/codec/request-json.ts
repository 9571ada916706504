// Turns an HTTP request into the JSON dict MLflow parses: query args for GET, the JSON body otherwise.
import { handlerCrash } from './internal-error.js';
import type { MessagePlan } from './message-plan.js';
import { invalidParameter } from '../validation/messages.js';

/** Parsed query string: a repeated key arrives as an array. */
export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

export function hasQueryArgs(query: QueryParams): boolean {
  for (const k in query) if (query[k] !== undefined) return true;
  return false;
}

function allValues(v: string | readonly string[]): string[] {
  return typeof v === 'string' ? [v] : [...v];
}

/**
 * The GET branch of `_get_request_message`: only the message's own fields (proto names, in
 * declaration order), repeated fields as lists, others take the first value; bools must read
 * true/false in any case.
 */
export function queryToJson(plan: MessagePlan, query: QueryParams): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const f of plan.fields) {
    const v = query[f.name];
    if (v === undefined) continue;
    const values = allValues(v);
    if (f.repeated) {
      json[f.name] = values;
      continue;
    }
    const first = values[0] ?? '';
    if (f.kind === 'bool') {
      const lower = first.toLowerCase();
      if (lower !== 'true' && lower !== 'false') {
        throw invalidParameter(`Invalid boolean value: ${first}, must be 'true' or 'false'.`);
      }
      json[f.name] = lower === 'true';
    } else json[f.name] = first;
  }
  return json;
}

/** Non-proto GET routes read `request.args` directly: lists for array fields, else the first value. */
export function queryArgsToJson(plan: MessagePlan, query: QueryParams): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const f of plan.fields) {
    const v = query[f.name];
    if (f.repeated) json[f.name] = v === undefined ? [] : allValues(v);
    else if (v !== undefined) json[f.name] = allValues(v)[0] ?? '';
  }
  return json;
}

/**
 * The body branch: a missing body (or one Flask could not parse) is {}; a JSON string holding
 * JSON — legacy double encoding — is decoded once more.
 */
export function normalizeBody(body: unknown): unknown {
  let json = body;
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json);
    } catch {
      throw handlerCrash('the request body is a string that does not hold JSON');
    }
  }
  return json ?? {};
}
