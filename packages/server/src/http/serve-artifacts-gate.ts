// The 503s of the artifact proxy when the server runs with --no-serve-artifacts.
import type { FastifyReply } from 'fastify';

/**
 * File GET/PUT are served by MLflow's streaming FastAPI router, which answers a JSON `detail`; the
 * other proxy routes are Flask's and name the matched rule in an HTML-typed text.
 */
export function sendStreamingRouteDisabled(reply: FastifyReply): FastifyReply {
  const detail = 'Artifact serving is disabled. Run `mlflow server` with `--serve-artifacts` to enable.';
  return reply
    .code(503)
    .type('application/json')
    .send(Buffer.from(JSON.stringify({ detail })));
}

/** `rule` is the Flask rule, e.g. `/api/2.0/mlflow-artifacts/artifacts/<path:artifact_path>`. */
export function sendServeArtifactsDisabled(reply: FastifyReply, rule: string): FastifyReply {
  return reply
    .code(503)
    .type('text/html; charset=utf-8')
    .send(
      `Endpoint: ${rule} disabled due to the mlflow server running with \`--no-serve-artifacts\`. ` +
        'To enable artifacts server functionality, run `mlflow server` with `--serve-artifacts`',
    );
}

/** Fastify's wildcard route pattern written as the Flask rule MLflow would print. */
export function flaskRuleOf(routeUrl: string): string {
  return routeUrl.replace(/\*$/, '<path:artifact_path>');
}
