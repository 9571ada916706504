// Starts the app on a port over a SQLite file, for side-by-side probes against MLflow's server.
import path from 'node:path';
import { openTrackingStore } from '@mlflow-ts/store';
import { createApp, defaultServerConfig } from '../../src/index.js';

const [port = '5199', dir = '/tmp/mlflow-ts-probe'] = process.argv.slice(2);
const config = defaultServerConfig({
  artifactsDestination: path.join(dir, 'art'),
  security: { enabled: true, allowedHosts: null, corsAllowedOrigins: [], xFrameOptions: 'SAMEORIGIN' },
});
const store = await openTrackingStore(`sqlite:///${path.join(dir, 'a.db')}`, {
  defaultArtifactRoot: config.defaultArtifactRoot,
});
const app = await createApp({ store, config });
await app.listen({ host: '127.0.0.1', port: Number(port) });
console.log(`listening on ${port}`);
