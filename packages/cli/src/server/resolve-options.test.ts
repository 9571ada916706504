// Option resolution of `server`: command line over env var over MLflow's default, and the one-line messages of bad input.
import { describe, expect, it } from 'vitest';
import { MLFLOW_VERSION as SERVER_MLFLOW_VERSION } from '@mlflow-ts/server';
import { CliUsageError } from '../errors.js';
import { buildProgram } from '../program.js';
import type { RawServerOptions } from './raw-options.js';
import { MLFLOW_VERSION } from '../version.js';
import { resolveServerOptions, type ResolvedServerOptions } from './resolve-options.js';

/** Parses argv with the real command definition, then resolves it against `env`. */
async function resolve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ResolvedServerOptions> {
  const program = await buildProgram();
  const server = program.commands.find((c) => c.name() === 'server');
  if (!server) throw new Error('no server command');
  let raw: RawServerOptions | undefined;
  server.action((opts: RawServerOptions) => {
    raw = opts;
  });
  program.parse(['server', ...args], { from: 'user' });
  if (!raw) throw new Error('action not run');
  return resolveServerOptions(raw, env);
}

async function failure(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    await resolve(args, env);
  } catch (err) {
    expect(err).toBeInstanceOf(CliUsageError);
    return (err as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('the command', () => {
  it('answers to `ui` too', async () => {
    expect((await buildProgram()).commands.find((c) => c.name() === 'server')?.aliases()).toEqual(['ui']);
  });
  it('names the MLflow version the server package implements', () => {
    expect(MLFLOW_VERSION).toBe(SERVER_MLFLOW_VERSION);
  });
});

describe('defaults', () => {
  it('are MLflow’s (but one worker)', async () => {
    const r = await resolve([]);
    expect(r).toEqual({
      backendStoreUri: 'sqlite:///mlflow.db',
      registryStoreUri: 'sqlite:///mlflow.db',
      host: '127.0.0.1',
      port: 5000,
      workers: 1,
      warnings: [],
      config: {
        staticPrefix: '',
        serveArtifacts: true,
        artifactsOnly: false,
        artifactsDestination: './mlartifacts',
        defaultArtifactRoot: 'mlflow-artifacts:/',
        security: { enabled: true, allowedHosts: null, corsAllowedOrigins: [], xFrameOptions: 'SAMEORIGIN' },
      },
    });
  });
});

describe('command line over env var over default', () => {
  it.each<[string, string[], NodeJS.ProcessEnv, (r: ResolvedServerOptions) => unknown, unknown]>([
    ['host flag', ['-h', '0.0.0.0'], { MLFLOW_HOST: '::' }, (r) => r.host, '0.0.0.0'],
    ['host env', [], { MLFLOW_HOST: '::' }, (r) => r.host, '::'],
    ['empty env is unset', [], { MLFLOW_HOST: '' }, (r) => r.host, '127.0.0.1'],
    ['port flag', ['--port', '8080'], { MLFLOW_PORT: '9000' }, (r) => r.port, 8080],
    ['port short', ['-p', '0'], {}, (r) => r.port, 0],
    ['port =', ['--port=1_000'], {}, (r) => r.port, 1000],
    ['port env', [], { MLFLOW_PORT: ' 9000 ' }, (r) => r.port, 9000],
    ['workers', ['-w', '3'], { MLFLOW_WORKERS: '2' }, (r) => r.workers, 3],
    ['workers env', [], { MLFLOW_WORKERS: '2' }, (r) => r.workers, 2],
    [
      'backend env',
      [],
      { MLFLOW_BACKEND_STORE_URI: 'sqlite:////t/x.db' },
      (r) => r.backendStoreUri,
      'sqlite:////t/x.db',
    ],
    [
      'registry defaults to backend',
      ['--backend-store-uri', 'sqlite:///a.db'],
      {},
      (r) => r.registryStoreUri,
      'sqlite:///a.db',
    ],
    ['static prefix', ['--static-prefix', '/mlflow'], {}, (r) => r.config.staticPrefix, '/mlflow'],
    ['static prefix env', [], { MLFLOW_STATIC_PREFIX: '/p' }, (r) => r.config.staticPrefix, '/p'],
    [
      'no-serve-artifacts',
      ['--no-serve-artifacts'],
      { MLFLOW_SERVE_ARTIFACTS: 'true' },
      (r) => r.config.serveArtifacts,
      false,
    ],
    [
      'serve-artifacts env false',
      [],
      { MLFLOW_SERVE_ARTIFACTS: 'false' },
      (r) => r.config.serveArtifacts,
      false,
    ],
    [
      'serve-artifacts flag over env',
      ['--serve-artifacts'],
      { MLFLOW_SERVE_ARTIFACTS: '0' },
      (r) => r.config.serveArtifacts,
      true,
    ],
    [
      'artifact root when not serving (SQL backend)',
      ['--no-serve-artifacts'],
      {},
      (r) => r.config.defaultArtifactRoot,
      './mlruns',
    ],
    [
      'artifact root given',
      ['--default-artifact-root', 's3://b/p'],
      {},
      (r) => r.config.defaultArtifactRoot,
      's3://b/p',
    ],
    [
      'artifact root env',
      [],
      { MLFLOW_DEFAULT_ARTIFACT_ROOT: '/data' },
      (r) => r.config.defaultArtifactRoot,
      '/data',
    ],
    [
      'destination',
      ['--artifacts-destination', 's3://b'],
      {},
      (r) => r.config.artifactsDestination,
      's3://b',
    ],
    [
      'destination env',
      [],
      { MLFLOW_ARTIFACTS_DESTINATION: '/a' },
      (r) => r.config.artifactsDestination,
      '/a',
    ],
    ['artifacts-only', ['--artifacts-only'], {}, (r) => r.config.artifactsOnly, true],
    ['artifacts-only env', [], { MLFLOW_ARTIFACTS_ONLY: 'yes' }, (r) => r.config.artifactsOnly, true],
    [
      'allowed hosts list',
      ['--allowed-hosts', 'a.com, 10.*:5000'],
      {},
      (r) => r.config.security.allowedHosts,
      ['a.com', '10.*:5000'],
    ],
    [
      'allowed hosts env',
      [],
      { MLFLOW_SERVER_ALLOWED_HOSTS: 'x' },
      (r) => r.config.security.allowedHosts,
      ['x'],
    ],
    [
      'allowed hosts empty = default',
      ['--allowed-hosts', ''],
      {},
      (r) => r.config.security.allowedHosts,
      null,
    ],
    [
      'origins',
      ['--cors-allowed-origins', 'https://a,https://b'],
      {},
      (r) => r.config.security.corsAllowedOrigins,
      ['https://a', 'https://b'],
    ],
    [
      'origins env',
      [],
      { MLFLOW_SERVER_CORS_ALLOWED_ORIGINS: 'https://c' },
      (r) => r.config.security.corsAllowedOrigins,
      ['https://c'],
    ],
    ['disable flag', ['--disable-security-middleware'], {}, (r) => r.config.security.enabled, false],
    [
      'disable env',
      [],
      { MLFLOW_SERVER_DISABLE_SECURITY_MIDDLEWARE: 'true' },
      (r) => r.config.security.enabled,
      false,
    ],
    [
      'disable env false',
      [],
      { MLFLOW_SERVER_DISABLE_SECURITY_MIDDLEWARE: 'false' },
      (r) => r.config.security.enabled,
      true,
    ],
    ['x-frame lower case', ['--x-frame-options', 'deny'], {}, (r) => r.config.security.xFrameOptions, 'DENY'],
    [
      'x-frame env',
      [],
      { MLFLOW_SERVER_X_FRAME_OPTIONS: 'none' },
      (r) => r.config.security.xFrameOptions,
      'NONE',
    ],
    [
      'host-addressed artifact schemes env',
      [],
      { MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES: 'http, ftp' },
      (r) => r.config.allowedHostAddressedArtifactSchemes,
      ['http', 'ftp'],
    ],
  ])('%s', async (_name, args, env, get, expected) => {
    expect(get(await resolve(args, env))).toEqual(expected);
  });
});

describe('bad values: one line each', () => {
  it.each<[string[], NodeJS.ProcessEnv, string]>([
    [['--port', 'abc'], {}, "Invalid value for '--port' / '-p': 'abc' is not a valid integer."],
    [[], { MLFLOW_PORT: '5k' }, "Invalid value for '--port' / '-p': '5k' is not a valid integer."],
    [['-p', '70000'], {}, "Invalid value for '--port' / '-p': 70000 is not a valid port (0-65535)."],
    [['-w', '0'], {}, "Invalid value for '--workers' / '-w': 0 is not at least 1."],
    [['-w', 'many'], {}, "Invalid value for '--workers' / '-w': 'many' is not a valid integer."],
    [['--static-prefix', 'mlflow'], {}, "--static-prefix must begin with a '/'."],
    [['--static-prefix', '/mlflow/'], {}, "--static-prefix should not end with a '/'."],
    [['--static-prefix', '/a{b}'], {}, "--static-prefix must not contain '{' or '}'."],
    [[], { MLFLOW_STATIC_PREFIX: 'x' }, "--static-prefix must begin with a '/'."],
    [
      ['--x-frame-options', 'ALLOW-FROM x'],
      {},
      "Invalid value for '--x-frame-options': 'ALLOW-FROM x' is not one of 'SAMEORIGIN', 'DENY', 'NONE'.",
    ],
    [
      [],
      { MLFLOW_SERVE_ARTIFACTS: 'maybe' },
      "Invalid value for '--serve-artifacts': 'maybe' is not a valid boolean. Recognized values: 0, 1, f, false, n, no, off, on, t, true, y, yes",
    ],
    [
      ['--artifacts-only', '--backend-store-uri', 'sqlite:///other.db'],
      {},
      "--artifacts-only cannot be combined with --backend-store-uri 'sqlite:///other.db': an artifacts-only server has no tracking store.",
    ],
    [
      ['--app-name', 'basic-auth'],
      {},
      '--app-name is not supported by mlflow-ts: server plugins such as basic-auth are not available.',
    ],
    [
      ['--enable-workspaces'],
      {},
      '--enable-workspaces is not supported by mlflow-ts: workspaces are not implemented.',
    ],
    [
      [],
      { MLFLOW_ENABLE_WORKSPACES: 'true' },
      'MLFLOW_ENABLE_WORKSPACES is not supported by mlflow-ts: workspaces are not implemented.',
    ],
    [
      ['--expose-prometheus', '/tmp/m'],
      {},
      '--expose-prometheus is not supported by mlflow-ts: there is no Prometheus exporter yet.',
    ],
  ])('%j %j', async (args, env, message) => {
    const text = await failure(args, env);
    expect(text).toBe(message);
    expect(text).not.toContain('\n');
  });
});

describe('warnings', () => {
  it.each<[string[], NodeJS.ProcessEnv, string[]]>([
    [
      ['--gunicorn-opts', '--timeout 60'],
      {},
      ['Warning: --gunicorn-opts is ignored by mlflow-ts: there is no gunicorn; use --workers.'],
    ],
    [
      [],
      { MLFLOW_UVICORN_OPTS: '--reload' },
      ['Warning: MLFLOW_UVICORN_OPTS is ignored by mlflow-ts: there is no uvicorn; use --workers.'],
    ],
    [[], { MLFLOW_ENABLE_WORKSPACES: 'false' }, []],
    [['--dev'], {}, ['Warning: --dev is ignored by mlflow-ts: there is no auto-reload mode.']],
    [
      ['--registry-store-uri', 'sqlite:///r.db'],
      {},
      [
        "Warning: mlflow-ts keeps the model registry in the backend store; --registry-store-uri 'sqlite:///r.db' is ignored.",
      ],
    ],
    [['--allowed-hosts', '*'], {}, ['Warning: every Host header is accepted (DNS rebinding is possible).']],
    [
      ['--cors-allowed-origins', '*'],
      {},
      ['Warning: every CORS origin is allowed; any website can call this server.'],
    ],
    [
      ['--disable-security-middleware', '--allowed-hosts', '*'],
      {},
      [
        'Warning: the security middleware is disabled: no Host check, no CORS protection, no security headers.',
      ],
    ],
  ])('%j %j', async (args, env, warnings) => {
    expect((await resolve(args, env)).warnings).toEqual(warnings);
  });
});
