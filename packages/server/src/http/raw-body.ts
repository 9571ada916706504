// Artifact uploads take the request body as the raw stream, so a 200 MB file is never held in memory.
import type { FastifyInstance } from 'fastify';

/**
 * Replaces, in the calling (encapsulated) context only, every body parser with one that hands the
 * untouched request stream to the handler. Fastify's bodyLimit does not apply to such parsers,
 * which matches MLflow: artifact uploads have no size cap.
 */
export function registerRawStreamParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => {
    done(null, payload);
  });
}
