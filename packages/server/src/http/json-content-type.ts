// Marks the routes that read an MLflow JSON request, so the error exit can recognise them.
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on routes that read an MLflow JSON request (the endpoint table). */
    mlflowJsonApi?: boolean;
  }
}

export function isJsonApiRoute(request: FastifyRequest): boolean {
  return request.routeOptions.config.mlflowJsonApi === true;
}
