// Starts one server process: open the store, build the app, listen; and closes them again on shutdown.
import type { AddressInfo } from 'node:net';
import type { TrackingStore } from '@mlflow-ts/store';
import { MlflowError } from '@mlflow-ts/protocol';
import { CliRuntimeError, describeError } from '../errors.js';
import { artifactsOnlyStore } from './artifacts-only-store.js';
import { listenError } from './listen-error.js';
import type { ResolvedServerOptions } from './resolve-options.js';
import type { ServerRuntime } from './runtime.js';
import { redactUri } from './startup-line.js';

export interface RunningInstance {
  address: AddressInfo | string | null;
  /** Stops accepting requests, lets open ones finish, then closes the store. */
  close(): Promise<void>;
}

/** MlflowErrors already say what is wrong; anything else (file system, network) gets the URI as context. */
async function openStore(
  runtime: ServerRuntime,
  uri: string,
  defaultArtifactRoot: string,
): Promise<TrackingStore> {
  try {
    return await runtime.openStore(uri, { defaultArtifactRoot });
  } catch (err) {
    if (err instanceof MlflowError) throw err;
    throw new CliRuntimeError(`Cannot open the backend store ${redactUri(uri)}: ${describeError(err)}`, {
      cause: err,
    });
  }
}

export async function serveInstance(
  resolved: ResolvedServerOptions,
  runtime: ServerRuntime,
): Promise<RunningInstance> {
  const { config, backendStoreUri, host, port } = resolved;
  const store: TrackingStore = config.artifactsOnly
    ? artifactsOnlyStore()
    : await openStore(runtime, backendStoreUri, config.defaultArtifactRoot);
  try {
    const app = await runtime.createApp({ store, config });
    try {
      await app.listen({ host, port });
    } catch (err) {
      await app.close().catch(() => undefined);
      throw listenError(err, host, port);
    }
    return {
      address: app.server.address(),
      close: async () => {
        try {
          await app.close();
        } finally {
          await store.close();
        }
      },
    };
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}
