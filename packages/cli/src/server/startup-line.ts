// The one line printed once the server listens, and the redaction of passwords in URIs.
import type { AddressInfo } from 'node:net';
import { CLI_VERSION } from '../version.js';
import type { ResolvedServerOptions } from './resolve-options.js';

/** `postgresql://user:secret@db/x` → `postgresql://user:***@db/x`. */
export function redactUri(uri: string): string {
  return uri.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/, '$1:***@');
}

/** The URL users open: the port actually bound (port 0 gets a real one), an IPv6 host in brackets. */
export function listenUrl(host: string, address: AddressInfo | string | null, fallbackPort: number): string {
  const port = address !== null && typeof address === 'object' ? address.port : fallbackPort;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** e.g. `mlflow-ts 0.1.0 listening on http://127.0.0.1:5000 (store: sqlite:///mlflow.db, artifacts: ./mlartifacts)`. */
export function startupLine(url: string, resolved: ResolvedServerOptions): string {
  const { config, backendStoreUri, workers } = resolved;
  const parts = config.artifactsOnly ? [] : [`store: ${redactUri(backendStoreUri)}`];
  if (config.serveArtifacts || config.artifactsOnly)
    parts.push(`artifacts: ${redactUri(config.artifactsDestination)}`);
  if (workers > 1) parts.push(`${workers} workers`);
  return `mlflow-ts ${CLI_VERSION} listening on ${url} (${parts.join(', ')})`;
}
