// The `server` command's options as commander hands them over: raw strings and flags, nothing resolved.

/** Options mlflow-ts implements. Each is undefined when not given on the command line. */
export interface SupportedServerOptions {
  backendStoreUri?: string;
  registryStoreUri?: string;
  defaultArtifactRoot?: string;
  serveArtifacts?: boolean;
  artifactsOnly?: boolean;
  artifactsDestination?: string;
  host?: string;
  port?: string;
  workers?: string;
  staticPrefix?: string;
  allowedHosts?: string;
  corsAllowedOrigins?: string;
  disableSecurityMiddleware?: boolean;
  xFrameOptions?: string;
}

/** MLflow options that mlflow-ts accepts only to refuse or ignore them with a clear line. */
export interface UnsupportedServerOptions {
  readReplicaBackendStoreUri?: string;
  artifactsPresignedOnly?: boolean;
  gunicornOpts?: string;
  waitressOpts?: string;
  uvicornOpts?: string;
  dev?: boolean;
  exposePrometheus?: string;
  appName?: string;
  traceArchivalConfig?: string;
  secretsCacheTtl?: string;
  secretsCacheMaxSize?: string;
  workspaceStoreUri?: string;
  enableWorkspaces?: boolean;
  disableWorkspaces?: boolean;
}

export type RawServerOptions = SupportedServerOptions & UnsupportedServerOptions;
