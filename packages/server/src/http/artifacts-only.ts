// The 503 that every tracking route answers when the server runs with --artifacts-only.
import type { FastifyReply, FastifyRequest } from 'fastify';

/** MLflow names the matched route pattern (Flask's url_rule) in the text. */
export function sendArtifactsOnlyDisabled(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const rule = request.routeOptions.url ?? request.url;
  return reply
    .code(503)
    .type('text/html; charset=utf-8')
    .send(
      `Endpoint: ${rule} disabled due to the mlflow server running in \`--artifacts-only\` mode. ` +
        'To enable tracking server functionality, run `mlflow server` without `--artifacts-only`',
    );
}
