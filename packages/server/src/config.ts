// Configuration of one mlflow-ts server process, as the CLI resolves it from options and env vars.
import type { TrackingStore } from '@mlflow-ts/store';

export type XFrameOptions = 'SAMEORIGIN' | 'DENY' | 'NONE';

export interface SecurityConfig {
  /** false with --disable-security-middleware: no host check, no CORS blocking, no extra headers. */
  enabled: boolean;
  /** --allowed-hosts; null means MLflow's default list (localhost + private ranges). */
  allowedHosts: string[] | null;
  /** --cors-allowed-origins; localhost origins always pass. */
  corsAllowedOrigins: string[];
  xFrameOptions: XFrameOptions;
}

export interface ServerConfig {
  /**
   * '' or a prefix such as '/mlflow'. MLflow 3.18 places it before every route it serves: /api,
   * /ajax-api, /health, /version and the UI.
   */
  staticPrefix: string;
  serveArtifacts: boolean;
  artifactsOnly: boolean;
  /** Where proxied artifacts live (--artifacts-destination), e.g. './mlartifacts' or 's3://b/p'. */
  artifactsDestination: string;
  /** Root for new experiments' artifact locations, e.g. 'mlflow-artifacts:/' when serving artifacts. */
  defaultArtifactRoot: string;
  /**
   * MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES (comma list): schemes such as 'http' or 'ftp' that
   * experiments may use as artifact_location even when they name a host other than the server's own
   * artifact storage. Absent = none.
   */
  allowedHostAddressedArtifactSchemes?: string[];
  /**
   * MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD: advertise multipart uploads in server-info when the
   * destination supports them (clients then upload parts straight to presigned store URLs).
   */
  enableProxyMultipartUpload?: boolean;
  /** MLFLOW_ARTIFACT_LOCATION_MAX_LENGTH: longest artifact_location accepted (MLflow's default 2048). */
  artifactLocationMaxLength?: number;
  security: SecurityConfig;
}

export interface AppDeps {
  store: TrackingStore;
  config: ServerConfig;
  /** Fastify logger switch or pino options; off when absent (tests). */
  logger?: boolean | { level?: string };
}

export function defaultServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    staticPrefix: '',
    serveArtifacts: true,
    artifactsOnly: false,
    artifactsDestination: './mlartifacts',
    defaultArtifactRoot: 'mlflow-artifacts:/',
    security: { enabled: true, allowedHosts: null, corsAllowedOrigins: [], xFrameOptions: 'SAMEORIGIN' },
    ...overrides,
  };
}
