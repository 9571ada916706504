// Composition root: builds the Fastify app from a store and the server configuration.
import {
  loggedModelEndpoints,
  registryEndpoints,
  trackingEndpoints,
  webhookEndpoints,
} from '@mlflow-ts/protocol';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './config.js';
import { trackingHandlers } from './handlers/index.js';
import { loggedModelHandlers } from './handlers/logged-models/index.js';
import { registryHandlers } from './handlers/registry/index.js';
import { webhookHandlers } from './handlers/webhooks/index.js';
import { BODY_LIMIT_BYTES, registerBodyParsers } from './http/body-parsing.js';
import { mountEndpoints } from './http/mount-endpoints.js';
import { registerNotFound } from './http/not-found.js';
import { lazySchemaCompilers } from './http/lazy-schema-compilers.js';
import { registerErrorExit } from './http/on-error.js';
import { routePaths } from './http/route-paths.js';
import { registerSecurity } from './http/security.js';
import { registerArtifactMultipartRoutes } from './routes/artifact-multipart.js';
import { registerArtifactProxyRoutes } from './routes/artifact-proxy.js';
import { registerMetricEnvelopeRoutes } from './routes/ext-metric-envelope.js';
import { registerMoveRunsRoutes } from './routes/ext-move-runs.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerLoggedModelArtifactRoutes } from './routes/logged-model-artifacts.js';
import { registerModelVersionArtifactRoute } from './routes/model-version-artifact.js';
import { registerUiArtifactRoutes } from './routes/ui-artifacts.js';
import { registerUiStaticRoutes, resolveUiDist } from './routes/ui-static.js';
import { createServices } from './services/index.js';

/** RPCs that keep answering under --artifacts-only (MLflow exempts server-info). */
const UNGATED_RPCS: ReadonlySet<string> = new Set(['serverInfo']);

/**
 * Builds the app; the caller listens (CLI) or injects requests (tests).
 *
 * @example
 * const app = await createApp({ store, config: defaultServerConfig() });
 * await app.listen({ host: '127.0.0.1', port: 5000 });
 */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const { store, config } = deps;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    schemaController: { compilersFactory: lazySchemaCompilers },
  });
  const paths = routePaths(config.staticPrefix);
  registerSecurity(app, config.security, paths.prefix);
  registerErrorExit(app);
  registerNotFound(app);
  registerBodyParsers(app);

  const services = createServices({ store, config });
  registerHealthRoutes(app, paths);
  mountEndpoints(app, {
    endpoints: trackingEndpoints,
    handlers: trackingHandlers,
    paths,
    artifactsOnly: config.artifactsOnly,
    ungated: UNGATED_RPCS,
    context: { services, config },
  });
  mountEndpoints(app, {
    endpoints: loggedModelEndpoints,
    handlers: loggedModelHandlers,
    paths,
    artifactsOnly: config.artifactsOnly,
    ungated: UNGATED_RPCS,
    context: { services, config },
  });
  mountEndpoints(app, {
    endpoints: webhookEndpoints,
    handlers: webhookHandlers,
    paths,
    artifactsOnly: config.artifactsOnly,
    ungated: UNGATED_RPCS,
    context: { services, config },
  });
  mountEndpoints(app, {
    endpoints: registryEndpoints,
    handlers: registryHandlers,
    paths,
    artifactsOnly: config.artifactsOnly,
    ungated: UNGATED_RPCS,
    context: { services, config },
  });
  registerMetricEnvelopeRoutes(app, { store, config, paths, context: { services, config } });
  registerMoveRunsRoutes(app, { store, config, paths, context: { services, config } });
  const artifactDeps = { services, config, paths };
  await registerArtifactProxyRoutes(app, artifactDeps);
  registerArtifactMultipartRoutes(app, artifactDeps);
  await registerUiArtifactRoutes(app, artifactDeps);
  registerUiStaticRoutes(app, { paths, distDir: resolveUiDist() });
  registerLoggedModelArtifactRoutes(app, artifactDeps);
  registerModelVersionArtifactRoute(app, artifactDeps);
  return app;
}
