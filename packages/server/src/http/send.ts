// Writes a response body with exactly the Content-Type given (Fastify would append a charset to JSON).

/** The part of a Fastify reply this needs; keeps the helper usable from hooks and handlers alike. */
interface Sendable<R> {
  header(name: string, value: string): R;
}

/**
 * MLflow answers `application/json` without a charset parameter. Fastify adds `; charset=utf-8`
 * to JSON types sent as strings, but leaves Buffers alone, so the text goes out as bytes.
 */
export function sendText<R extends { send(payload: Buffer): R }>(
  reply: Sendable<R>,
  contentType: string,
  text: string,
): R {
  return reply.header('content-type', contentType).send(Buffer.from(text, 'utf8'));
}
