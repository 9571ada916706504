// Mounts the protocol's endpoint table: each RPC at /api and /ajax-api, decoded, handled and encoded.
import {
  decodeRequest,
  encodeJson,
  type EndpointDef,
  type HttpMethod,
  type QueryParams,
} from '@mlflow-ts/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HandlerContext, HandlerTable } from '../handlers/types.js';
import { sendArtifactsOnlyDisabled } from './artifacts-only.js';
import { jsonBodyOf } from './body-parsing.js';
import { sendText } from './send.js';
import { StreamedJson } from './streamed-json.js';
import type { RoutePaths } from './route-paths.js';

export interface MountOptions<T extends Record<string, EndpointDef>> {
  endpoints: T;
  handlers: HandlerTable<T>;
  paths: RoutePaths;
  /** With --artifacts-only every tracking route answers MLflow's 503 instead… */
  artifactsOnly: boolean;
  /** …except these RPCs (server-info stays up and reports no store). */
  ungated: ReadonlySet<string>;
  context: Omit<HandlerContext, 'request'>;
}

/** Endpoints the UI alone calls are served under /ajax-api only, as MLflow registers them. */
function urlsOf(endpoint: EndpointDef, paths: RoutePaths): string[] {
  const ajax = paths.ajax(endpoint.since, endpoint.path);
  return endpoint.ajaxOnly === true ? [ajax] : [paths.api(endpoint.since, endpoint.path), ajax];
}

/**
 * Proto responses leave out empty repeated fields at every depth, as protobuf JSON does. The
 * query-args routes (the UI's get-history-bulk) answer a plain dict whose lists stay even empty.
 */
function encoderFor(endpoint: EndpointDef): (value: unknown) => string {
  const omitEmptyArrays = endpoint.decode !== 'query-args';
  return (value) => encodeJson(value, { omitEmptyArrays });
}

export function mountEndpoints<T extends Record<string, EndpointDef>>(
  app: FastifyInstance,
  options: MountOptions<T>,
): void {
  const { endpoints, handlers, paths, context } = options;
  for (const name of Object.keys(endpoints) as (keyof T & string)[]) {
    const endpoint = endpoints[name] as T[keyof T & string];
    const handler = handlers[name];
    const artifactsOnly = options.artifactsOnly && !options.ungated.has(name);
    const encode = encoderFor(endpoint);
    const route = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      if (artifactsOnly) return sendArtifactsOnlyDisabled(request, reply);
      const decoded = decodeRequest(endpoint, {
        method: request.method as HttpMethod,
        query: request.query as QueryParams,
        body: jsonBodyOf(request),
        contentType: request.headers['content-type'] ?? null,
        // `:name` segments of the endpoint path (e.g. /mlflow/webhooks/:webhook_id)
        pathParams: request.params as Record<string, string>,
      });
      const result = await handler(decoded, { ...context, request });
      if (result instanceof StreamedJson) return result.send(reply);
      return sendText(reply, 'application/json', encode(result));
    };
    for (const url of urlsOf(endpoint, paths)) {
      app.route({ method: [...endpoint.methods], url, config: { mlflowJsonApi: true }, handler: route });
    }
  }
}
