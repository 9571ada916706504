// The security middleware of MLflow's server (Host check, CORS, security headers) as Fastify hooks.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SecurityConfig } from '../config.js';
import { CorsPolicy, shouldBlockCorsRequest, type HeaderList } from './security/cors.js';
import { defaultAllowedHosts, isAllowedHostHeader } from './security/hosts.js';
import { TRACE_RENDERER_ASSET_PATH, requestPath, securityPaths } from './security/paths.js';

export const INVALID_HOST_MSG = 'Invalid Host header - possible DNS rebinding attack detected';
export const CORS_BLOCKED_MSG = 'Cross-origin request blocked';

/**
 * How far a request got through MLflow's middleware stack (outermost first: Host check, CORS,
 * CORS blocking, security headers). A layer's own answer carries only the headers of the layers
 * outside it, so a rejected Host gets no CORS or security headers and a blocked origin no nosniff.
 */
type Outcome = 'host-rejected' | 'preflight' | 'cors-blocked';

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sendText(
  reply: FastifyReply,
  status: number,
  body: string,
  headers: HeaderList,
  type: string,
): FastifyReply {
  for (const [k, v] of headers) reply.header(k, v);
  return reply.code(status).type(type).send(body);
}

function appendVary(reply: FastifyReply, value: string): void {
  const current = reply.getHeader('vary');
  const existing = Array.isArray(current) ? current.join(', ') : current === undefined ? '' : String(current);
  reply.header('vary', existing === '' ? value : `${existing}, ${value}`);
}

/**
 * Installs the Host check, CORS handling and security headers on `app` (the root instance, so that
 * every route and the not-found handler are covered). A no-op when the middleware is disabled.
 *
 * @example registerSecurity(app, config.security, config.staticPrefix);
 */
export function registerSecurity(app: FastifyInstance, security: SecurityConfig, staticPrefix: string): void {
  if (!security.enabled) return;
  const paths = securityPaths(staticPrefix);
  // An empty list means the default too, as in MLflow (`from_env() or default()`).
  const allowedHosts = security.allowedHosts?.length ? security.allowedHosts : defaultAllowedHosts();
  const checkHost = !allowedHosts.includes('*');
  const cors = new CorsPolicy(security.corsAllowedOrigins);
  const frameOptions = security.xFrameOptions.toUpperCase();
  const outcomes = new WeakMap<FastifyRequest, Outcome>();

  app.addHook('onRequest', async (request, reply) => {
    const path = requestPath(request.url);
    if (checkHost && !paths.isHealth(path) && !isAllowedHostHeader(allowedHosts, header(request, 'host'))) {
      request.log.warn(`Rejected request with invalid Host header: ${header(request, 'host') ?? ''}`);
      outcomes.set(request, 'host-rejected');
      return sendText(reply, 403, INVALID_HOST_MSG, [], 'text/plain');
    }
    const origin = header(request, 'origin');
    const preflightMethod = header(request, 'access-control-request-method');
    if (request.method === 'OPTIONS' && origin !== undefined && preflightMethod !== undefined) {
      const privateNetwork = header(request, 'access-control-request-private-network') !== undefined;
      const answer = cors.preflight(
        origin,
        preflightMethod,
        header(request, 'access-control-request-headers'),
        privateNetwork,
      );
      outcomes.set(request, 'preflight');
      return sendText(reply, answer.status, answer.body, answer.headers, 'text/plain; charset=utf-8');
    }
    // With `*` origins MLflow deliberately blocks nothing: the admin opted into open CORS.
    if (
      !cors.wildcard &&
      paths.isApi(path) &&
      shouldBlockCorsRequest(origin, request.method, security.corsAllowedOrigins)
    ) {
      request.log.warn(`Blocked cross-origin request from ${origin ?? ''}`);
      outcomes.set(request, 'cors-blocked');
      return sendText(reply, 403, CORS_BLOCKED_MSG, [], 'text/plain');
    }
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const outcome = outcomes.get(request);
    if (outcome === 'host-rejected' || outcome === 'preflight') return payload;
    for (const [k, v] of cors.simple(header(request, 'origin'))) reply.header(k, v);
    appendVary(reply, 'Origin');
    if (outcome === 'cors-blocked') return payload;

    const path = requestPath(request.url);
    reply.header('x-content-type-options', 'nosniff');
    if (frameOptions !== 'NONE' && !path.startsWith(TRACE_RENDERER_ASSET_PATH)) {
      reply.header('x-frame-options', frameOptions);
    }
    // MLflow answers a (non-preflight) OPTIONS on an API path with an empty 204.
    if (request.method === 'OPTIONS' && reply.statusCode === 200 && paths.isApi(path)) {
      reply.code(204);
      return null;
    }
    return payload;
  });
}
