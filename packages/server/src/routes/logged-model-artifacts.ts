// The UI's logged-model file download: GET /ajax-api/2.0/mlflow/logged-models/<id>/artifacts/files.
import { validatePathIsSafe } from '@mlflow-ts/artifacts';
import { ErrorCode, MlflowError } from '@mlflow-ts/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendArtifactsOnlyDisabled } from '../http/artifacts-only.js';
import { sendArtifact } from '../http/send-artifact.js';
import type { ArtifactRouteDeps } from './artifact-proxy.js';

function queryArg(query: unknown, name: string): string | undefined {
  const v = (query as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Served under /ajax-api only, as MLflow registers it outside its protobuf routes. */
export function registerLoggedModelArtifactRoutes(app: FastifyInstance, deps: ArtifactRouteDeps): void {
  const { services, config, paths } = deps;
  const url = paths.ajax(2, '/mlflow/logged-models/:model_id/artifacts/files');
  app.get(url, async (request, reply): Promise<FastifyReply> => {
    if (config.artifactsOnly) return sendArtifactsOnlyDisabled(request, reply);
    const raw = queryArg(request.query, 'artifact_file_path');
    if (!raw) {
      throw new MlflowError(
        ErrorCode.BAD_REQUEST,
        'Request must include the "artifact_file_path" query parameter.',
      );
    }
    const path = validatePathIsSafe(raw);
    const modelId = (request.params as { model_id: string }).model_id;
    const located = await services.loggedModels.artifacts.locate(modelId, path);
    // Presigned downloads need a multipart-capable cloud repository, which we do not serve through here.
    if (queryArg(request.query, 'presigned') === 'true') {
      throw new MlflowError(
        ErrorCode.NOT_IMPLEMENTED,
        'Presigned download is not supported for the current artifact repository',
      );
    }
    return sendArtifact(request, reply, located.repository, located.path, path, 'flask');
  });
}
