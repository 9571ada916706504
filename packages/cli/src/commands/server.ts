// The `server` command (alias `ui`): MLflow's option names, env vars and defaults; runs the tracking server.
import { Command } from 'commander';
import type { RawServerOptions } from '../server/raw-options.js';
import type { ServerRuntime } from '../server/runtime.js';
import { resolveServerOptions } from '../server/resolve-options.js';
import { startServer } from '../server/start-server.js';

/** Help text with the env var and default spelled out, since commander does not resolve them for us. */
function help(text: string, env?: string, dflt?: string): string {
  const notes = [env && `env: ${env}`, dflt && `default: ${dflt}`].filter(Boolean).join('; ');
  return notes === '' ? text : `${text} (${notes})`;
}

/**
 * Declares the options only; precedence and validation live in resolveServerOptions.
 * `runtime` replaces the real server and store (tests).
 */
export function serverCommand(runtime?: ServerRuntime): Command {
  return new Command('server')
    .alias('ui')
    .summary('Run the tracking server (REST API and UI)')
    .description(
      'Run the mlflow-ts tracking server: the MLflow 3.18.0 REST API over a SQL store, plus the UI.',
    )
    .helpOption('--help', 'Show this message and exit.')
    .option(
      '--backend-store-uri <URI>',
      help('Database for experiments, runs and models', 'MLFLOW_BACKEND_STORE_URI', 'sqlite:///mlflow.db'),
    )
    .option(
      '--registry-store-uri <URI>',
      help(
        'Accepted for compatibility; the registry always lives in the backend store',
        'MLFLOW_REGISTRY_STORE_URI',
      ),
    )
    .option(
      '--default-artifact-root <URI>',
      help(
        'Artifact root of new experiments',
        'MLFLOW_DEFAULT_ARTIFACT_ROOT',
        "'mlflow-artifacts:/' when serving artifacts, else ./mlruns",
      ),
    )
    .option(
      '--serve-artifacts',
      help(
        'Proxy artifact uploads, downloads and listings through this server',
        'MLFLOW_SERVE_ARTIFACTS',
        'on',
      ),
    )
    .option('--no-serve-artifacts', 'Do not proxy artifacts; clients access the artifact store directly')
    .option(
      '--artifacts-only',
      help('Serve only the artifact proxy endpoints, no tracking API', 'MLFLOW_ARTIFACTS_ONLY'),
    )
    .option(
      '--artifacts-destination <URI>',
      help(
        'Where proxied artifacts are stored, e.g. s3://bucket/path',
        'MLFLOW_ARTIFACTS_DESTINATION',
        './mlartifacts',
      ),
    )
    .option(
      '-h, --host <HOST>',
      help(
        'Interface to listen on; 0.0.0.0 for all (this is not access control: see --allowed-hosts)',
        'MLFLOW_HOST',
        '127.0.0.1',
      ),
    )
    .option('-p, --port <PORT>', help('Port to listen on', 'MLFLOW_PORT', '5000'))
    .option(
      '-w, --workers <N>',
      help(
        'Server processes sharing the port (MLflow defaults to 4; one Node process is usually enough)',
        'MLFLOW_WORKERS',
        '1',
      ),
    )
    .option(
      '--static-prefix <PREFIX>',
      help(
        "Path prefix for the UI and API routes, e.g. /mlflow (starts with '/', no trailing '/')",
        'MLFLOW_STATIC_PREFIX',
      ),
    )
    .option(
      '--allowed-hosts <LIST>',
      help(
        "Comma list of accepted Host headers; globs with '*', '*' for any",
        'MLFLOW_SERVER_ALLOWED_HOSTS',
        'localhost and private networks',
      ),
    )
    .option(
      '--cors-allowed-origins <LIST>',
      help(
        "Comma list of origins allowed to make state-changing calls; '*' for any",
        'MLFLOW_SERVER_CORS_ALLOWED_ORIGINS',
        'localhost origins only',
      ),
    )
    .option(
      '--disable-security-middleware',
      help(
        'Turn off the Host check, CORS protection and security headers (testing only)',
        'MLFLOW_SERVER_DISABLE_SECURITY_MIDDLEWARE',
      ),
    )
    .option(
      '--x-frame-options <VALUE>',
      help(
        'SAMEORIGIN, DENY, or NONE to send no X-Frame-Options header',
        'MLFLOW_SERVER_X_FRAME_OPTIONS',
        'SAMEORIGIN',
      ),
    )
    .optionsGroup('MLflow options that mlflow-ts ignores or refuses:')
    .option('--gunicorn-opts <OPTS>', 'Ignored (MLflow-only: no gunicorn here)')
    .option('--waitress-opts <OPTS>', 'Ignored (MLflow-only: no waitress here)')
    .option('--uvicorn-opts <OPTS>', 'Ignored (MLflow-only: no uvicorn here)')
    .option('--dev', 'Ignored (MLflow-only: auto-reload)')
    .option('--secrets-cache-ttl <SECONDS>', 'Ignored (MLflow-only: secrets store)')
    .option('--secrets-cache-max-size <N>', 'Ignored (MLflow-only: secrets store)')
    .option('--disable-workspaces', 'Ignored (workspaces are always off)')
    .option('--enable-workspaces', 'Not supported by mlflow-ts')
    .option('--workspace-store-uri <URI>', 'Not supported by mlflow-ts')
    .option('--read-replica-backend-store-uri <URI>', 'Not supported by mlflow-ts')
    .option('--artifacts-presigned-only', 'Not supported by mlflow-ts')
    .option('--expose-prometheus <DIR>', 'Not supported by mlflow-ts')
    .option('--app-name <NAME>', 'Not supported by mlflow-ts')
    .option('--trace-archival-config <PATH>', 'Not supported by mlflow-ts')
    .action(async (opts: RawServerOptions) => {
      await startServer(resolveServerOptions(opts, process.env), runtime);
    });
}
