// decodeRequest: an HTTP request → the typed request message, with MLflow's exact errors.
import type { Static } from '@sinclair/typebox';
import type { EndpointDef, HttpMethod } from '../endpoint.js';
import { rejectAliasConflicts } from './alias-conflicts.js';
import { validateContentType } from './content-type.js';
import { fastCheckFor } from './fast-path.js';
import { handlerCrash } from './internal-error.js';
import { planMessage } from './message-plan.js';
import { fillDefaults, parseMessage } from './proto-parse.js';
import { isPlainObject } from './python-values.js';
import {
  hasQueryArgs,
  normalizeBody,
  queryArgsToJson,
  queryToJson,
  type QueryParams,
} from './request-json.js';
import { applyRules } from './rules.js';

export interface DecodeInput {
  readonly method: HttpMethod;
  readonly query: QueryParams;
  /** The JSON-parsed body; undefined when there was none or it was not valid JSON (Flask reads both as {}). */
  readonly body: unknown;
  /**
   * The Content-Type header (null when absent). When given, POST/PUT bodies are checked the way
   * MLflow's `_get_request_json` does; leave undefined to skip the check.
   */
  readonly contentType?: string | null;
  /**
   * Values captured from the route path (`/mlflow/webhooks/:webhook_id`). They overwrite fields of
   * the same name, as MLflow's handlers take such ids as view arguments, never from the body.
   */
  readonly pathParams?: Readonly<Record<string, string>>;
}

/**
 * Decodes a request for an endpoint of the table, as MLflow's `_get_request_message` and the
 * handler's schema do:
 * - GET with a query string: fields from the query (repeated keys → arrays, text converted as
 *   protobuf converts it); any other request: fields from the JSON body.
 * - Unknown fields are dropped; camelCase spellings are accepted (both at once → 400).
 * - Enums are held by name; numbers are accepted. Metric values may be "NaN"/"Infinity" text.
 * - Fields MLflow reads without HasField are always present (proto default when absent);
 *   optional ones are present only when sent.
 * - `run_id` is filled from `run_uuid` for messages that declare both (MLflow's handlers do
 *   `run_id or run_uuid` for exactly those).
 * Throws MlflowError with MLflow's code and message when the handler schema rejects the request.
 *
 * @example
 * const req = decodeRequest(trackingEndpoints.logBatch, { method: 'POST', query: {}, body });
 * req.metrics[0]?.value; // number
 */
export function decodeRequest<E extends EndpointDef>(endpoint: E, input: DecodeInput): Static<E['request']> {
  const plan = planMessage(endpoint.request);
  if (endpoint.decode === 'query-args') {
    return withPathParams(queryArgsToJson(plan, input.query), input) as Static<E['request']>;
  }
  let json: unknown;
  if (input.method === 'GET' && hasQueryArgs(input.query)) {
    json = queryToJson(plan, input.query);
  } else {
    if (input.contentType !== undefined) validateContentType(input.method, input.contentType);
    endpoint.beforeDecode?.(input.body);
    json = normalizeBody(input.body);
  }
  if (!isPlainObject(json)) throw handlerCrash('the request body is not a JSON object');

  let decoded: Record<string, unknown>;
  let parseOk = true;
  if (fastCheckFor(plan)(json)) {
    decoded = { ...json };
    fillDefaults(plan, decoded, false);
  } else {
    rejectAliasConflicts(plan, json);
    const outcome = parseMessage(plan, json);
    decoded = outcome.value;
    parseOk = outcome.ok;
  }
  if (endpoint.rules) applyRules(endpoint.rules, json, parseOk);
  if (plan.hasRunUuid) fillRunIdFromUuid(decoded);
  return withPathParams(decoded, input) as Static<E['request']>;
}

function withPathParams<T extends object>(decoded: T, input: DecodeInput): T {
  return input.pathParams ? Object.assign(decoded, input.pathParams) : decoded;
}

function fillRunIdFromUuid(decoded: Record<string, unknown>): void {
  if (!decoded['run_id'] && typeof decoded['run_uuid'] === 'string') decoded['run_id'] = decoded['run_uuid'];
}
