// Mounts the mlflow-ts metric envelope extension under /ajax-api/2.0/mlflow-ts/…, like any RPC of the table.
import { metricEnvelopeEndpoints } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.js';
import { metricEnvelopeHandlers } from '../handlers/ext-metric-envelope.js';
import type { HandlerContext } from '../handlers/types.js';
import { mountEndpoints } from '../http/mount-endpoints.js';
import type { RoutePaths } from '../http/route-paths.js';
import { MetricEnvelopeService } from '../services/ext-metric-envelope.js';

export interface MetricEnvelopeRouteDeps {
  store: TrackingStore;
  config: ServerConfig;
  paths: RoutePaths;
  context: Omit<HandlerContext, 'request'>;
}

/** Same decoding, error exit and --artifacts-only gate as MLflow's own RPCs. */
export function registerMetricEnvelopeRoutes(app: FastifyInstance, deps: MetricEnvelopeRouteDeps): void {
  mountEndpoints(app, {
    endpoints: metricEnvelopeEndpoints,
    handlers: metricEnvelopeHandlers(new MetricEnvelopeService(deps.store)),
    paths: deps.paths,
    artifactsOnly: deps.config.artifactsOnly,
    ungated: new Set(),
    context: deps.context,
  });
}
