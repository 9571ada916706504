// MLflow `server` options mlflow-ts does not implement: which are refused and which are ignored, and why.
import { CliUsageError } from '../errors.js';
import type { UnsupportedServerOptions } from './raw-options.js';

interface Unsupported {
  key: keyof UnsupportedServerOptions;
  flag: string;
  env?: string;
  /**
   * 'refuse' when running without the feature would silently lose data, security or an explicit
   * policy; 'ignore' when it only tunes MLflow's Python process model and has no meaning here.
   */
  action: 'refuse' | 'ignore';
  why: string;
}

const UNSUPPORTED: readonly Unsupported[] = [
  {
    key: 'gunicornOpts',
    flag: '--gunicorn-opts',
    env: 'MLFLOW_GUNICORN_OPTS',
    action: 'ignore',
    why: 'there is no gunicorn; use --workers',
  },
  {
    key: 'waitressOpts',
    flag: '--waitress-opts',
    action: 'ignore',
    why: 'there is no waitress; use --workers',
  },
  {
    key: 'uvicornOpts',
    flag: '--uvicorn-opts',
    env: 'MLFLOW_UVICORN_OPTS',
    action: 'ignore',
    why: 'there is no uvicorn; use --workers',
  },
  { key: 'dev', flag: '--dev', action: 'ignore', why: 'there is no auto-reload mode' },
  { key: 'secretsCacheTtl', flag: '--secrets-cache-ttl', action: 'ignore', why: 'there is no secrets store' },
  {
    key: 'secretsCacheMaxSize',
    flag: '--secrets-cache-max-size',
    action: 'ignore',
    why: 'there is no secrets store',
  },
  {
    key: 'disableWorkspaces',
    flag: '--disable-workspaces',
    action: 'ignore',
    why: 'workspaces are always off',
  },
  {
    key: 'appName',
    flag: '--app-name',
    action: 'refuse',
    why: 'server plugins such as basic-auth are not available',
  },
  {
    key: 'exposePrometheus',
    flag: '--expose-prometheus',
    env: 'MLFLOW_EXPOSE_PROMETHEUS',
    action: 'refuse',
    why: 'there is no Prometheus exporter yet',
  },
  {
    key: 'enableWorkspaces',
    flag: '--enable-workspaces',
    env: 'MLFLOW_ENABLE_WORKSPACES',
    action: 'refuse',
    why: 'workspaces are not implemented',
  },
  {
    key: 'workspaceStoreUri',
    flag: '--workspace-store-uri',
    env: 'MLFLOW_WORKSPACE_STORE_URI',
    action: 'refuse',
    why: 'workspaces are not implemented',
  },
  {
    key: 'readReplicaBackendStoreUri',
    flag: '--read-replica-backend-store-uri',
    env: 'MLFLOW_READ_REPLICA_BACKEND_STORE_URI',
    action: 'refuse',
    why: 'read replicas are not implemented',
  },
  {
    key: 'traceArchivalConfig',
    flag: '--trace-archival-config',
    env: 'MLFLOW_TRACE_ARCHIVAL_CONFIG',
    action: 'refuse',
    why: 'trace archival is not implemented',
  },
  {
    key: 'artifactsPresignedOnly',
    flag: '--artifacts-presigned-only',
    env: 'MLFLOW_ARTIFACTS_PRESIGNED_ONLY',
    action: 'refuse',
    why: 'presigned artifact transfers are not implemented',
  },
];

const FALSY = new Set(['', '0', 'false', 'f', 'no', 'n', 'off']);

function givenBy(u: Unsupported, raw: UnsupportedServerOptions, env: NodeJS.ProcessEnv): string | null {
  const value = raw[u.key];
  if (value !== undefined && value !== false) return u.flag;
  const fromEnv = u.env === undefined ? undefined : env[u.env];
  // A boolean env var set to a false value asks for nothing.
  if (u.env !== undefined && fromEnv !== undefined && !FALSY.has(fromEnv.trim().toLowerCase())) return u.env;
  return null;
}

/** Throws for the first refused option in use; returns one warning line per ignored option in use. */
export function checkUnsupportedOptions(raw: UnsupportedServerOptions, env: NodeJS.ProcessEnv): string[] {
  const warnings: string[] = [];
  for (const u of UNSUPPORTED) {
    const source = givenBy(u, raw, env);
    if (source === null) continue;
    if (u.action === 'refuse') throw new CliUsageError(`${source} is not supported by mlflow-ts: ${u.why}.`);
    warnings.push(`Warning: ${source} is ignored by mlflow-ts: ${u.why}.`);
  }
  return warnings;
}
