// The two things the CLI needs from the other workspaces, behind one seam so tests can substitute them.
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from '@mlflow-ts/server';
import { openTrackingStore, type TrackingStore } from '@mlflow-ts/store';

/** The part of a Fastify instance the CLI drives. */
export interface RunnableApp {
  listen(options: { host: string; port: number }): Promise<unknown>;
  close(): Promise<unknown>;
  readonly server: { address(): AddressInfo | string | null };
}

export interface ServerRuntime {
  openStore(uri: string, options: { defaultArtifactRoot: string }): Promise<TrackingStore>;
  createApp(deps: AppDeps): RunnableApp | Promise<RunnableApp>;
}

export const defaultRuntime: ServerRuntime = {
  openStore: (uri, options) =>
    openTrackingStore(uri, {
      ...options,
      // MLflow logs these waits as warnings too; one line each, so a slow database start is visible.
      onConnectRetry: (message) => process.stderr.write(`Warning: ${message}\n`),
    }),
  createApp: (deps) => createApp(deps),
};
