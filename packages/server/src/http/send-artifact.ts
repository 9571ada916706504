// Streams one artifact file to the client with the headers MLflow's download routes send.
import { createHash } from 'node:crypto';
import { guessMimeType, type ArtifactRepository, type ArtifactStat } from '@mlflow-ts/artifacts';
import { MlflowError } from '@mlflow-ts/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseByteRange } from './byte-range.js';
import { contentDispositionAttachment } from './content-disposition.js';

/** A validator that changes whenever the file does (Starlette derives its ETag from mtime and size). */
function etagOf(s: ArtifactStat): string {
  return `"${createHash('md5')
    .update(`${s.mtimeMs / 1000}-${s.size}`)
    .digest('hex')}"`;
}

/**
 * Which MLflow code path answers: the proxy's streaming FastAPI router, or a Flask UI route
 * (get-artifact), whose errors are MlflowErrors naming the repository path and which adds
 * `Cache-Control: no-cache`.
 */
export type ArtifactResponder = 'streaming' | 'flask';

/**
 * `path` is repository-relative and already safe; `name` is the path the client asked for (its
 * basename names the download).
 */
export async function sendArtifact(
  request: FastifyRequest,
  reply: FastifyReply,
  repository: ArtifactRepository,
  path: string,
  name: string,
  responder: ArtifactResponder = 'streaming',
): Promise<FastifyReply> {
  const s = await repository.stat(path);
  const shown = responder === 'flask' ? path : name;
  if (s === null) throw MlflowError.notFound(`No such artifact: '${shown}'`);
  if (s.isDir && responder === 'flask') {
    throw MlflowError.invalidParameter(`Artifact path refers to a directory, not a file: '${shown}'`);
  }
  if (s.isDir) {
    return reply
      .code(400)
      .type('application/json')
      .send(
        Buffer.from(JSON.stringify({ detail: `Artifact path refers to a directory, not a file: '${name}'` })),
      );
  }
  const baseName = name.slice(name.lastIndexOf('/') + 1);
  reply
    .header('content-type', guessMimeType(baseName))
    .header('content-disposition', contentDispositionAttachment(baseName))
    .header('accept-ranges', 'bytes')
    .header('last-modified', new Date(s.mtimeMs).toUTCString())
    .header('etag', etagOf(s));
  if (responder === 'flask') reply.header('cache-control', 'no-cache');
  else reply.header('x-content-type-options', 'nosniff');
  const range = parseByteRange(request.headers.range, s.size);
  if (range === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${s.size}`).send(Buffer.alloc(0));
  }
  if (range !== undefined) {
    reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${s.size}`)
      .header('content-length', String(range.end - range.start + 1));
    return reply.send(await repository.get(path, range));
  }
  reply.header('content-length', String(s.size));
  return reply.send(await repository.get(path));
}
