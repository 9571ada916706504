// The probe routes: GET /health and GET /version, answered exactly as MLflow's server does.
import type { FastifyInstance } from 'fastify';
import type { RoutePaths } from '../http/route-paths.js';
import { MLFLOW_VERSION } from '../version.js';

export function registerHealthRoutes(app: FastifyInstance, paths: RoutePaths): void {
  app.get(paths.ui('/health'), (_request, reply) => reply.type('text/plain; charset=utf-8').send('OK'));
  // Flask's default mimetype: MLflow's /version answers text/html.
  app.get(paths.ui('/version'), (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(MLFLOW_VERSION),
  );
}
