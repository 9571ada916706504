// Mounts the mlflow-ts move-runs extension under /ajax-api/2.0/mlflow-ts/runs/move, like any RPC of the table.
import { moveRunsEndpoints } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.js';
import { moveRunsHandlers } from '../handlers/ext-move-runs.js';
import type { HandlerContext } from '../handlers/types.js';
import { mountEndpoints } from '../http/mount-endpoints.js';
import type { RoutePaths } from '../http/route-paths.js';
import { MoveRunsService } from '../services/ext-move-runs.js';

export interface MoveRunsRouteDeps {
  store: TrackingStore;
  config: ServerConfig;
  paths: RoutePaths;
  context: Omit<HandlerContext, 'request'>;
}

/** Same decoding, error exit, CORS rules and --artifacts-only gate as MLflow's own RPCs. */
export function registerMoveRunsRoutes(app: FastifyInstance, deps: MoveRunsRouteDeps): void {
  mountEndpoints(app, {
    endpoints: moveRunsEndpoints,
    handlers: moveRunsHandlers(new MoveRunsService(deps.store)),
    paths: deps.paths,
    artifactsOnly: deps.config.artifactsOnly,
    ungated: new Set(),
    context: deps.context,
  });
}
