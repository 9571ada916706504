// The route parameters of the logged-model paths, which MLflow passes to its handlers as view arguments.
import type { FastifyRequest } from 'fastify';

export function pathParam(request: FastifyRequest, name: 'model_id' | 'tag_key'): string {
  const params = request.params as Record<string, string | undefined>;
  return params[name] ?? '';
}
