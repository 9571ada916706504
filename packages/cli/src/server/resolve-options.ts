// Resolves the `server` command's flags, env vars and MLflow's defaults into one server configuration.
import type { ServerConfig, XFrameOptions } from '@mlflow-ts/server';
import { CliUsageError } from '../errors.js';
import {
  invalidValue,
  optionLabel,
  parseBool,
  parseCommaList,
  parsePort,
  parsePositiveInt,
} from './option-values.js';
import type { RawServerOptions } from './raw-options.js';
import { checkUnsupportedOptions } from './unsupported-options.js';

/** MLflow's default tracking store: a SQLite file in the working directory. */
export const DEFAULT_BACKEND_STORE_URI = 'sqlite:///mlflow.db';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5000;
/**
 * MLflow starts 4 uvicorn workers because a Python process serves one request at a time per thread.
 * One Node process already serves many requests concurrently, and the default SQLite store has a
 * single writer anyway, so extra processes would mostly contend for its lock.
 */
export const DEFAULT_WORKERS = 1;
const DEFAULT_ARTIFACTS_DESTINATION = './mlartifacts';
/** Where artifacts go when the server proxies them; '--no-serve-artifacts' falls back to this path. */
const PROXIED_ARTIFACT_ROOT = 'mlflow-artifacts:/';
const LOCAL_ARTIFACT_PATH = './mlruns';
const X_FRAME_OPTIONS: readonly XFrameOptions[] = ['SAMEORIGIN', 'DENY', 'NONE'];

export interface ResolvedServerOptions {
  config: ServerConfig;
  backendStoreUri: string;
  registryStoreUri: string;
  host: string;
  port: number;
  workers: number;
  /** Lines to print before starting (ignored options, open security settings). */
  warnings: string[];
}

/** The flag's value, else the env var's when set and non-empty (click ignores empty env vars). */
function pick(flag: string | undefined, env: NodeJS.ProcessEnv, name: string): string | undefined {
  if (flag !== undefined) return flag;
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}

function pickFlag(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  name: string,
  label: string,
): boolean | undefined {
  return flag ?? parseBool(env[name], label);
}

/** MLflow's rule: a prefix starts with '/', does not end with one, and has no braces. */
export function validateStaticPrefix(prefix: string): string {
  if (!prefix.startsWith('/')) throw new CliUsageError("--static-prefix must begin with a '/'.");
  if (prefix.endsWith('/')) throw new CliUsageError("--static-prefix should not end with a '/'.");
  if (prefix.includes('{') || prefix.includes('}'))
    throw new CliUsageError("--static-prefix must not contain '{' or '}'.");
  return prefix;
}

function parseXFrameOptions(raw: string | undefined): XFrameOptions {
  // An empty value leaves MLflow's default in place.
  if (raw === undefined || raw === '') return 'SAMEORIGIN';
  const upper = raw.toUpperCase() as XFrameOptions;
  if (X_FRAME_OPTIONS.includes(upper)) return upper;
  throw invalidValue(
    optionLabel('--x-frame-options'),
    `'${raw}' is not one of 'SAMEORIGIN', 'DENY', 'NONE'.`,
  );
}

/** A plain path or file: URI (no other scheme), as MLflow's is_local_uri decides for the default artifact root. */
function isLocalUri(uri: string): boolean {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'file';
}

function defaultArtifactRoot(
  serveArtifacts: boolean,
  given: string | undefined,
  backendStoreUri: string,
): string {
  if (given) return given;
  if (serveArtifacts) return PROXIED_ARTIFACT_ROOT;
  return isLocalUri(backendStoreUri) ? backendStoreUri : LOCAL_ARTIFACT_PATH;
}

/**
 * Applies MLflow's precedence (command line, then env var, then default) and validation to the
 * `server` options. Pure: reads nothing but its arguments; throws CliUsageError for bad input.
 */
export function resolveServerOptions(raw: RawServerOptions, env: NodeJS.ProcessEnv): ResolvedServerOptions {
  const warnings = checkUnsupportedOptions(raw, env);

  const host = pick(raw.host, env, 'MLFLOW_HOST') ?? DEFAULT_HOST;
  const portRaw = pick(raw.port, env, 'MLFLOW_PORT');
  const port = portRaw === undefined ? DEFAULT_PORT : parsePort(portRaw, optionLabel('--port', '-p'));
  const workersRaw = pick(raw.workers, env, 'MLFLOW_WORKERS');
  const workers =
    workersRaw === undefined ? DEFAULT_WORKERS : parsePositiveInt(workersRaw, optionLabel('--workers', '-w'));

  const prefixRaw = pick(raw.staticPrefix, env, 'MLFLOW_STATIC_PREFIX');
  const staticPrefix = prefixRaw === undefined ? '' : validateStaticPrefix(prefixRaw);

  const givenBackend = pick(raw.backendStoreUri, env, 'MLFLOW_BACKEND_STORE_URI');
  const backendStoreUri = givenBackend || DEFAULT_BACKEND_STORE_URI;
  const registryStoreUri = pick(raw.registryStoreUri, env, 'MLFLOW_REGISTRY_STORE_URI') || backendStoreUri;
  if (registryStoreUri !== backendStoreUri) {
    warnings.push(
      `Warning: mlflow-ts keeps the model registry in the backend store; --registry-store-uri '${registryStoreUri}' is ignored.`,
    );
  }

  const serveArtifacts =
    pickFlag(raw.serveArtifacts, env, 'MLFLOW_SERVE_ARTIFACTS', optionLabel('--serve-artifacts')) ?? true;
  const artifactsOnly =
    pickFlag(raw.artifactsOnly, env, 'MLFLOW_ARTIFACTS_ONLY', optionLabel('--artifacts-only')) ?? false;
  if (
    artifactsOnly &&
    givenBackend &&
    givenBackend !== DEFAULT_BACKEND_STORE_URI &&
    givenBackend !== LOCAL_ARTIFACT_PATH
  ) {
    throw new CliUsageError(
      `--artifacts-only cannot be combined with --backend-store-uri '${givenBackend}': an artifacts-only server has no tracking store.`,
    );
  }
  const artifactsDestination =
    pick(raw.artifactsDestination, env, 'MLFLOW_ARTIFACTS_DESTINATION') ?? DEFAULT_ARTIFACTS_DESTINATION;
  const artifactRoot = defaultArtifactRoot(
    serveArtifacts,
    pick(raw.defaultArtifactRoot, env, 'MLFLOW_DEFAULT_ARTIFACT_ROOT'),
    backendStoreUri,
  );

  const disabled =
    pickFlag(
      raw.disableSecurityMiddleware,
      env,
      'MLFLOW_SERVER_DISABLE_SECURITY_MIDDLEWARE',
      optionLabel('--disable-security-middleware'),
    ) ?? false;
  const allowedHosts = parseCommaList(pick(raw.allowedHosts, env, 'MLFLOW_SERVER_ALLOWED_HOSTS'));
  const corsAllowedOrigins =
    parseCommaList(pick(raw.corsAllowedOrigins, env, 'MLFLOW_SERVER_CORS_ALLOWED_ORIGINS')) ?? [];
  const xFrameOptions = parseXFrameOptions(pick(raw.xFrameOptions, env, 'MLFLOW_SERVER_X_FRAME_OPTIONS'));
  if (disabled) {
    warnings.push(
      'Warning: the security middleware is disabled: no Host check, no CORS protection, no security headers.',
    );
  } else {
    if (allowedHosts?.includes('*'))
      warnings.push('Warning: every Host header is accepted (DNS rebinding is possible).');
    if (corsAllowedOrigins.includes('*'))
      warnings.push('Warning: every CORS origin is allowed; any website can call this server.');
  }

  const hostAddressedSchemes = env.MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES;
  const proxyMultipart = parseBool(
    env.MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD,
    'MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD',
  );
  const config: ServerConfig = {
    staticPrefix,
    serveArtifacts,
    artifactsOnly,
    artifactsDestination,
    defaultArtifactRoot: artifactRoot,
    security: { enabled: !disabled, allowedHosts, corsAllowedOrigins, xFrameOptions },
    ...(proxyMultipart === true ? { enableProxyMultipartUpload: true } : {}),
    // Read by MLflow's server straight from the environment; split as MLflow splits it.
    ...(hostAddressedSchemes === undefined
      ? {}
      : { allowedHostAddressedArtifactSchemes: hostAddressedSchemes.split(',').map((s) => s.trim()) }),
  };
  return { config, backendStoreUri, registryStoreUri, host, port, workers, warnings };
}
