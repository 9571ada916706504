// A database server that starts after mlflow-ts does: the store waits (MLflow's retry schedule) and then opens.
import { connect as netConnect, createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openTrackingStore } from '@mlflow-ts/store';
import {
  createDatabase,
  describeOnServer,
  dropDatabase,
  storeUri,
  type ServerDialect,
} from './support/server-databases.js';

/** A port that refuses connections until `open()`, then forwards each connection to the real server. */
async function delayedProxy(
  target: URL,
): Promise<{ port: number; open: () => Promise<void>; close: () => void }> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((r) => probe.close(() => r()));
  let server: Server | undefined;
  return {
    port,
    open: () =>
      new Promise<void>((resolve) => {
        server = createServer((client) => {
          const upstream = netConnect(Number(target.port), target.hostname);
          client.pipe(upstream).pipe(client);
          client.on('error', () => upstream.destroy());
          upstream.on('error', () => client.destroy());
        });
        server.listen(port, '127.0.0.1', resolve);
      }),
    close: () => server?.close(),
  };
}

function describeServer(dialect: ServerDialect): Promise<void> {
  return describeOnServer(dialect, 'connect retry', () =>
    describe(`${dialect} connect retry`, () => {
      let database = '';
      afterAll(async () => {
        if (database) await dropDatabase(dialect, database);
      });

      it('waits for a server that is not listening yet, saying so, then opens the store', async () => {
        database = await createDatabase(dialect, 'retry');
        const real = new URL(storeUri(dialect, database));
        const proxy = await delayedProxy(real);
        const viaProxy = new URL(real);
        viaProxy.host = `127.0.0.1:${proxy.port}`;
        const messages: string[] = [];
        // Attempts 1 and 2 are refused (waits of 0.1 s and 0.3 s); the port opens during the second wait.
        setTimeout(() => void proxy.open(), 250);
        try {
          const store = await openTrackingStore(viaProxy.toString(), {
            defaultArtifactRoot: 'mlflow-artifacts:/',
            onConnectRetry: (m) => messages.push(m),
          });
          expect(await store.getExperiment('0')).toMatchObject({ name: 'Default' });
          await store.close();
        } finally {
          proxy.close();
        }
        expect(messages.length).toBeGreaterThanOrEqual(1);
        expect(messages[0]).toMatch(
          /^The tracking database is not accepting connections yet \(ECONNREFUSED\); attempt 1 failed, retrying in 0\.1 s\.$/,
        );
      });
    }),
  );
}

await describeServer('postgres');
await describeServer('mysql');
