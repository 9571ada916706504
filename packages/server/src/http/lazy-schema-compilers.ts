// Fastify's default schema compilers, required on first use: no route here has a schema, so ajv never loads.
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;
type Builder = (externalSchemas: unknown, options: unknown) => unknown;

/** Fastify's own dependencies, resolved from fastify's directory as fastify itself would. */
const requireFromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));

/** The selector `id` exports, created on the first call (fastify's own call) and kept for its pool. */
function onFirstUse(id: string): Builder {
  let build: Builder | undefined;
  return (externalSchemas, options) => {
    build ??= (requireFromFastify(id) as () => Builder)();
    return build(externalSchemas, options);
  };
}

/**
 * Fastify requires ajv (three copies of it: validator, formats, response serializer) when the app is
 * created, about 5 MiB resident, unless compilers are supplied. These are exactly fastify's defaults
 * (the same modules and selector calls), built the first time fastify asks for a compiler, which it
 * does only for a route or plugin that declares a schema.
 */
export const lazySchemaCompilers: CompilersFactory = {
  buildValidator: onFirstUse('@fastify/ajv-compiler') as unknown as CompilersFactory['buildValidator'],
  buildSerializer: onFirstUse(
    '@fastify/fast-json-stringify-compiler',
  ) as unknown as CompilersFactory['buildSerializer'],
};
