// The UI's run-artifact routes: GET get-artifact (download) and POST upload-artifact (≤ 10 MB).
import { Readable } from 'node:stream';
import { validatePathIsSafe } from '@mlflow-ts/artifacts';
import { MlflowError } from '@mlflow-ts/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendArtifactsOnlyDisabled } from '../http/artifacts-only.js';
import { registerRawStreamParser } from '../http/raw-body.js';
import { sendArtifact } from '../http/send-artifact.js';
import { sendText } from '../http/send.js';
import type { ArtifactRouteDeps } from './artifact-proxy.js';

/** MLflow's cap on UI uploads; the message names it in MB. */
const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
const TOO_LARGE = 'Artifact size is too large. Max size is 10MB.';

export const BAD_REQUEST_HTML =
  '<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n' +
  '<p>The browser (or proxy) sent a request that this server could not understand.</p>\n';

/** Flask consumes form bodies into request.form, so MLflow's handler sees no data for them. */
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)/i;

function arg(request: FastifyRequest, name: string): string | undefined {
  const v = (request.query as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads at most the limit; one byte more means too large, without holding a huge body. */
async function readLimited(body: Readable | undefined): Promise<Buffer> {
  if (body === undefined) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > UPLOAD_LIMIT_BYTES) {
      body.destroy();
      throw MlflowError.invalidParameter(TOO_LARGE);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function registerUiArtifactRoutes(app: FastifyInstance, deps: ArtifactRouteDeps): Promise<void> {
  const { services, config, paths } = deps;
  app.get(paths.ui('/get-artifact'), async (request, reply): Promise<FastifyReply> => {
    if (config.artifactsOnly) return sendArtifactsOnlyDisabled(request, reply);
    const rawPath = arg(request, 'path');
    // Flask's request.args["path"] KeyError: Werkzeug's plain 400 page.
    if (rawPath === undefined) return reply.code(400).type('text/html; charset=utf-8').send(BAD_REQUEST_HTML);
    const path = validatePathIsSafe(rawPath);
    const runId = arg(request, 'run_id') || arg(request, 'run_uuid') || '';
    const located = await services.artifacts.locateRunArtifact(runId, path);
    return sendArtifact(request, reply, located.repository, located.path, path, 'flask');
  });
  await app.register(async (scoped) => {
    registerRawStreamParser(scoped);
    scoped.post(paths.ajax(2, '/mlflow/upload-artifact'), async (request, reply): Promise<FastifyReply> => {
      if (config.artifactsOnly) return sendArtifactsOnlyDisabled(request, reply);
      const runId = arg(request, 'run_id') || arg(request, 'run_uuid');
      if (!runId) throw MlflowError.invalidParameter('Request must specify run_id or run_uuid.');
      const rawPath = arg(request, 'path');
      if (!rawPath) throw MlflowError.invalidParameter('Request must specify path.');
      const path = validatePathIsSafe(rawPath);
      if (Number(request.headers['content-length'] ?? 0) > UPLOAD_LIMIT_BYTES) {
        throw MlflowError.invalidParameter(TOO_LARGE);
      }
      const isForm = FORM_TYPES.test(request.headers['content-type'] ?? '');
      const body = request.body as Readable | undefined;
      if (isForm) body?.resume();
      const data = isForm ? Buffer.alloc(0) : await readLimited(body);
      if (data.length === 0) throw MlflowError.invalidParameter('Request must specify data.');
      const located = await services.artifacts.locateRunArtifact(runId, path);
      await located.repository.put(located.path, Readable.from([data]));
      return sendText(reply, 'application/json', '');
    });
  });
}
