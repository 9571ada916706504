// Request body parsing: MLflow's lenient JSON reading for API routes, raw bytes for everything else.
import { parseRequestBody } from '@mlflow-ts/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * MLflow puts no byte cap on requests (its 1 MB log-batch "limit" is never applied to bytes), so
 * this only guards the process. 64 MB fits the largest legal single request with room to spare: a
 * log-inputs dataset may carry a 16 MiB profile plus a 1 MiB schema, which JSON escaping can
 * inflate several times; a full 1000-metric log-batch is only ~150 KB.
 */
export const BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * application/json is parsed here; any other type is kept as a Buffer, because MLflow reads JSON API
 * bodies regardless of their declared type on DELETE/PATCH, and artifact uploads want the raw bytes.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseRequestBody(body as string));
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
}

/**
 * The request body as Flask's `get_json(force=True, silent=True)` gives it to MLflow's handlers,
 * whatever the declared Content-Type: undefined when absent, empty or not JSON, else the parsed
 * value (JSON null included). The protocol decoder reads undefined and null as `{}`.
 */
export function jsonBodyOf(request: FastifyRequest): unknown {
  const body: unknown = request.body;
  return Buffer.isBuffer(body) ? parseRequestBody(body.toString('utf8')) : body;
}
