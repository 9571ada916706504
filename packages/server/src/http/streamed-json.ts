// A JSON reply written as it is produced (long metric histories), with the socket's backpressure.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * A handler result whose body is a sequence of UTF-8 pieces of JSON, concatenated in order. At
 * most a piece or two is held at a time, off the V8 heap; the next piece is not produced before
 * the socket wants it.
 */
export class StreamedJson {
  constructor(private readonly pieces: AsyncIterable<Buffer>) {}

  send(reply: FastifyReply): FastifyReply {
    const pieces = this.pieces;
    async function* bytes(): AsyncGenerator<Buffer> {
      yield* pieces;
    }
    // No Content-Length is known up front, so the body goes out chunked; MLflow's JSON type has no charset.
    return reply
      .header('content-type', 'application/json')
      .send(Readable.from(bytes(), { objectMode: false }));
  }
}
