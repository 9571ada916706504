// The mlflow-artifacts proxy: file download/upload (streamed), listing and delete over --artifacts-destination.
import { Readable } from 'node:stream';
import { validatePathIsSafe } from '@mlflow-ts/artifacts';
import { MlflowError, encodeJson } from '@mlflow-ts/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';
import { registerRawStreamParser } from '../http/raw-body.js';
import type { RoutePaths } from '../http/route-paths.js';
import { sendArtifact } from '../http/send-artifact.js';
import { sendText } from '../http/send.js';
import {
  flaskRuleOf,
  sendServeArtifactsDisabled,
  sendStreamingRouteDisabled,
} from '../http/serve-artifacts-gate.js';
import type { Services } from '../services/index.js';

export interface ArtifactRouteDeps {
  services: Services;
  config: ServerConfig;
  paths: RoutePaths;
}

const BASE = '/2.0/mlflow-artifacts/artifacts';

/** `/api/…` and `/ajax-api/…` under the static prefix, as Flask registers the proxy routes. */
export function proxyUrls(paths: RoutePaths, suffix: string): string[] {
  return [`${paths.prefix}/api${suffix}`, `${paths.prefix}/ajax-api${suffix}`];
}

/**
 * MLflow's streaming router serves file GET/PUT unprefixed even under --static-prefix; Flask's
 * fallback handlers answer the prefixed paths as well.
 */
function streamingUrls(paths: RoutePaths): string[] {
  const unprefixed = [`/api${BASE}/*`, `/ajax-api${BASE}/*`];
  return paths.prefix === '' ? unprefixed : [...unprefixed, ...proxyUrls(paths, `${BASE}/*`)];
}

function wildcardOf(request: FastifyRequest): string {
  return (request.params as Record<string, string>)['*'] ?? '';
}

/** Streaming file routes, in their own context so the raw-stream body parser applies only here. */
function registerFileRoutes(app: FastifyInstance, deps: ArtifactRouteDeps): void {
  const { services, config } = deps;
  const download = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (!config.serveArtifacts) return sendStreamingRouteDisabled(reply);
    const path = validatePathIsSafe(wildcardOf(request));
    return sendArtifact(request, reply, services.artifacts.destination(), path, path);
  };
  const upload = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (!config.serveArtifacts) return sendStreamingRouteDisabled(reply);
    const path = validatePathIsSafe(wildcardOf(request));
    if (path === '' || path.endsWith('/')) {
      const detail = "Artifact path must include a filename (cannot end with '/').";
      return reply
        .code(400)
        .type('application/json')
        .send(Buffer.from(JSON.stringify({ detail })));
    }
    // No Content-Type and no body: Fastify parses nothing, so an empty file is written.
    const body = (request.body as Readable | undefined) ?? Readable.from([]);
    await services.artifacts.destination().put(path, body);
    return reply.code(200).send();
  };
  for (const url of streamingUrls(deps.paths)) {
    app.get(url, download);
    app.put(url, upload);
  }
}

/** Listing and delete are Flask routes: prefixed, gated with the rule-naming 503. */
function registerTreeRoutes(app: FastifyInstance, deps: ArtifactRouteDeps): void {
  const { services, config, paths } = deps;
  for (const url of proxyUrls(paths, BASE)) {
    app.get(url, async (request, reply) => {
      if (!config.serveArtifacts) return sendServeArtifactsDisabled(reply, url);
      const raw = (request.query as Record<string, string | string[] | undefined>).path;
      const given = Array.isArray(raw) ? raw[0] : raw;
      const path = given === undefined ? undefined : validatePathIsSafe(given);
      const entries = await services.artifacts.destination().list(path || undefined);
      const files = entries.map((e) => ({ ...e, path: e.path.slice(e.path.lastIndexOf('/') + 1) }));
      return sendText(reply, 'application/json', encodeJson({ files }, { omitEmptyArrays: true }));
    });
  }
  for (const url of proxyUrls(paths, `${BASE}/*`)) {
    app.delete(url, async (request, reply) => {
      if (!config.serveArtifacts) return sendServeArtifactsDisabled(reply, flaskRuleOf(url));
      const path = validatePathIsSafe(wildcardOf(request));
      // MLflow would rmtree the whole destination for `.`; a proxy client never means that.
      if (path.replace(/(^|\/)\.(?=\/|$)/g, '').replace(/\/+/g, '') === '') {
        throw MlflowError.invalidParameter('Invalid path');
      }
      await services.artifacts.destination().delete(path);
      return sendText(reply, 'application/json', '{}');
    });
  }
}

export async function registerArtifactProxyRoutes(
  app: FastifyInstance,
  deps: ArtifactRouteDeps,
): Promise<void> {
  await app.register(async (scoped) => {
    registerRawStreamParser(scoped);
    registerFileRoutes(scoped, deps);
  });
  registerTreeRoutes(app, deps);
}
