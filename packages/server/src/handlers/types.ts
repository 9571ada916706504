// The shape of an RPC handler: decoded request in, response message out, typed from the endpoint table.
import type { EndpointDef } from '@mlflow-ts/protocol';
import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { StreamedJson } from '../http/streamed-json.js';
import type { Services } from '../services/index.js';

export interface HandlerContext {
  services: Services;
  config: ServerConfig;
  /** The raw request, for the few RPCs MLflow reads beyond the message (non-proto query args). */
  request: FastifyRequest;
}

/**
 * Request and response types come from the endpoint's TypeBox schemas (`static` is their TS type);
 * a handler may instead answer a StreamedJson holding the same bytes (long metric histories).
 */
export type EndpointHandler<E extends EndpointDef> = (
  request: E['request']['static'],
  context: HandlerContext,
) => Promise<E['response']['static'] | StreamedJson>;

/** One handler per endpoint: a missing handler is a compile error. */
export type HandlerTable<T extends Record<string, EndpointDef>> = { [K in keyof T]: EndpointHandler<T[K]> };
