// The mlflow-artifacts multipart routes: create/complete/abort, or MLflow's 501 for stores without it.
import {
  MULTIPART_UNSUPPORTED_MESSAGE,
  validatePathIsSafe,
  type MultipartPart,
  type MultipartUpload,
} from '@mlflow-ts/artifacts';
import { ErrorCode, MlflowError, encodeJson } from '@mlflow-ts/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonBodyOf } from '../http/body-parsing.js';
import { sendText } from '../http/send.js';
import { flaskRuleOf, sendServeArtifactsDisabled } from '../http/serve-artifacts-gate.js';
import { proxyUrls, type ArtifactRouteDeps } from './artifact-proxy.js';

const DOCS_HINT = ' See the API docs for more information about request parameters.';

interface MpuBody {
  path?: unknown;
  num_parts?: unknown;
  upload_id?: unknown;
  parts?: unknown;
}

/** The request-schema checks MLflow runs before asking the store (required path, and parts on complete). */
function bodyOf(request: FastifyRequest, required: readonly string[]): MpuBody {
  const raw = jsonBodyOf(request);
  const body = (raw !== null && typeof raw === 'object' ? raw : {}) as MpuBody & Record<string, unknown>;
  for (const field of required) {
    if (body[field] === undefined || body[field] === null) {
      throw MlflowError.invalidParameter(`Missing value for required parameter '${field}'.${DOCS_HINT}`);
    }
  }
  return body;
}

/** ntpath.basename: a drive ('C:') dropped, then the last segment after either separator. */
function ntBasename(p: string): string {
  const path = p.replace(/^[a-zA-Z]:/, '');
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/**
 * MLflow's _get_multipart_upload_file_name: `path` names the file; clients before 3.18 sent their
 * whole local path (possibly Windows), so only its basename counts, taken again after decoding.
 */
function uploadFileName(path: unknown): string {
  let name = ntBasename(String(path));
  if (name !== '') name = ntBasename(validatePathIsSafe(name));
  if (name === '' || name === '.' || name === '..') throw MlflowError.invalidParameter('Invalid path');
  return name;
}

/** Proto JSON leaves an empty map out, so a credential without headers has no `headers` key. */
function createResponse(upload: MultipartUpload): unknown {
  return {
    upload_id: upload.upload_id,
    credentials: upload.credentials.map(({ headers, ...rest }) =>
      Object.keys(headers).length === 0 ? rest : { ...rest, headers },
    ),
  };
}

const unsupported = (): MlflowError =>
  new MlflowError(ErrorCode.NOT_IMPLEMENTED, MULTIPART_UNSUPPORTED_MESSAGE);

export function registerArtifactMultipartRoutes(app: FastifyInstance, deps: ArtifactRouteDeps): void {
  const { services, config, paths } = deps;
  const wildcard = (request: FastifyRequest): string =>
    validatePathIsSafe((request.params as Record<string, string>)['*'] ?? '');
  /** The file the upload targets: the body's file name under the URL's directory. */
  const target = (dir: string, name: unknown): string => {
    const file = uploadFileName(name);
    return dir === '' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
  };
  const mount = (action: string, run: (request: FastifyRequest) => Promise<unknown>): void => {
    for (const url of proxyUrls(paths, `/2.0/mlflow-artifacts/mpu/${action}/*`)) {
      app.post(url, async (request, reply) => {
        if (!config.serveArtifacts) return sendServeArtifactsDisabled(reply, flaskRuleOf(url));
        return sendText(reply, 'application/json', encodeJson(await run(request), { omitEmptyArrays: true }));
      });
    }
  };
  mount('create', async (request) => {
    const dir = wildcard(request);
    const body = bodyOf(request, ['path']);
    const file = target(dir, body.path);
    const repo = services.artifacts.destination();
    if (repo.createMultipartUpload === undefined) throw unsupported();
    return createResponse(await repo.createMultipartUpload(file, Number(body.num_parts ?? 0)));
  });
  mount('complete', async (request) => {
    const dir = wildcard(request);
    const body = bodyOf(request, ['path', 'parts']);
    const file = target(dir, body.path);
    const repo = services.artifacts.destination();
    if (repo.completeMultipartUpload === undefined) throw unsupported();
    const parts = Array.isArray(body.parts) ? (body.parts as MultipartPart[]) : [];
    await repo.completeMultipartUpload(file, String(body.upload_id ?? ''), parts);
    return {};
  });
  mount('abort', async (request) => {
    const dir = wildcard(request);
    const body = bodyOf(request, ['path']);
    const file = target(dir, body.path);
    const repo = services.artifacts.destination();
    if (repo.abortMultipartUpload === undefined) throw unsupported();
    await repo.abortMultipartUpload(file, String(body.upload_id ?? ''));
    return {};
  });
}
