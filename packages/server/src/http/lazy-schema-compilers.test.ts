// The on-demand schema compilers behave as fastify's defaults: request validation and response serialization.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazySchemaCompilers } from './lazy-schema-compilers.js';

describe('lazySchemaCompilers', () => {
  it('validates bodies and serializes responses of routes that declare schemas', async () => {
    const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers } });
    app.post(
      '/echo',
      {
        schema: {
          body: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
          response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } },
        },
      },
      async (request) => ({ ...(request.body as object), dropped: true }),
    );
    const ok = await app.inject({ method: 'POST', url: '/echo', payload: { n: '7' } });
    expect(ok.statusCode).toBe(200);
    // ajv's default coercion and fast-json-stringify's dropping of undeclared properties, as by default.
    expect(ok.body).toBe('{"n":7}');
    const bad = await app.inject({ method: 'POST', url: '/echo', payload: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ message: "body must have required property 'n'" });
    await app.close();
  });
});
