// The shape of one entry of the endpoint table: an MLflow RPC as name, HTTP route and wire schemas.
import type { TSchema } from '@sinclair/typebox';
import type { RequestRules } from './codec/rules.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EndpointDef<Req extends TSchema = TSchema, Res extends TSchema = TSchema> {
  /** RPC name in camelCase, e.g. `createExperiment`; handlers are keyed by it. */
  readonly name: string;
  /** Methods the route answers; most RPCs have one, a few (search experiments) two. */
  readonly methods: readonly HttpMethod[];
  /** Path below `/api/<since>.0` and `/ajax-api/<since>.0`, e.g. `/mlflow/experiments/create`. */
  readonly path: string;
  /** Major API version: 2 → `/api/2.0`, 3 → `/api/3.0`. */
  readonly since: 2 | 3;
  readonly request: Req;
  readonly response: Res;
  /**
   * Served only under `/ajax-api/<since>.0` (and the static prefix): routes MLflow registers
   * for its UI outside the protobuf service table.
   */
  readonly ajaxOnly?: boolean;
  /**
   * How `decodeRequest` reads the request. `proto` (default) is `_get_request_message`: query
   * args for GET, JSON body otherwise, protobuf parsing, the handler schema in `rules`.
   * `query-args` is for non-proto GET routes that read `request.args` as plain strings.
   */
  readonly decode?: 'proto' | 'query-args';
  /** MLflow's handler schema for the request (the `schema=` given to `_get_request_message`). */
  readonly rules?: RequestRules;
  /** A check MLflow's handler runs on the raw body before parsing it (log-batch's size check). */
  readonly beforeDecode?: (rawBody: unknown) => void;
}

export function defineEndpoint<Req extends TSchema, Res extends TSchema>(
  def: EndpointDef<Req, Res>,
): EndpointDef<Req, Res> {
  return def;
}
