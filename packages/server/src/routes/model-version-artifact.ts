// The UI's model-version download route: GET /model-versions/get-artifact?name&version&path.
import { validatePathIsSafe } from '@mlflow-ts/artifacts';
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendArtifactsOnlyDisabled } from '../http/artifacts-only.js';
import { sendArtifact } from '../http/send-artifact.js';
import type { ArtifactRouteDeps } from './artifact-proxy.js';
import { BAD_REQUEST_HTML } from './ui-artifacts.js';

function arg(request: FastifyRequest, name: string): string | undefined {
  const v = (request.query as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * MLflow serves this beside the run-artifact route (under the static prefix, not /ajax-api): the
 * version's download URI is resolved as the run-artifact route resolves a run's root, then the
 * file goes out the same way.
 */
export function registerModelVersionArtifactRoute(app: FastifyInstance, deps: ArtifactRouteDeps): void {
  const { services, config, paths } = deps;
  app.get(paths.ui('/model-versions/get-artifact'), async (request, reply): Promise<FastifyReply> => {
    if (config.artifactsOnly) return sendArtifactsOnlyDisabled(request, reply);
    const rawPath = arg(request, 'path');
    // Flask's request.args["path"] KeyError: Werkzeug's plain 400 page.
    if (rawPath === undefined) return reply.code(400).type('text/html; charset=utf-8').send(BAD_REQUEST_HTML);
    const path = validatePathIsSafe(rawPath);
    const located = await services.versionArtifacts.locate(
      arg(request, 'name') ?? '',
      arg(request, 'version') ?? '',
      path,
    );
    // MLflow signs only for multipart-capable cloud repositories; we sign none here, which is its
    // answer for every local destination.
    if (arg(request, 'presigned') === 'true') {
      throw new MlflowError(
        ErrorCode.NOT_IMPLEMENTED,
        'Presigned download is not supported for the current artifact repository',
      );
    }
    return sendArtifact(request, reply, located.repository, located.path, path, 'flask');
  });
}
