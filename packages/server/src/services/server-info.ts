// The server-info capability payload MLflow 3.18 clients and the UI read at startup.
import { supportsMultipart, type ArtifactRepository } from '@mlflow-ts/artifacts';
import type { ServerInfoResponse } from '@mlflow-ts/protocol';
import type { TrackingStore } from '@mlflow-ts/store';
import type { ServerConfig } from '../config.js';

/** Limits MLflow advertises for skill uploads (25 MiB unpacked, 10,000 files); reported as-is. */
const SKILL_CONTENT_MAX_SIZE = 26_214_400;
const SKILL_CONTENT_MAX_FILES = 10_000;

export class ServerInfoService {
  constructor(
    private readonly store: TrackingStore,
    private readonly config: ServerConfig,
    private readonly artifacts?: { destination(): ArtifactRepository },
  ) {}

  /**
   * MLflow 3.18 advertises multipart uploads only when the operator opted in
   * (MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD), artifacts are served, and the destination can do it
   * (S3): clients then PUT parts straight to presigned store URLs. A destination that fails to
   * resolve reports false, as MLflow does.
   */
  private multipartUploadsEnabled(): boolean {
    if (!this.config.serveArtifacts || this.config.enableProxyMultipartUpload !== true) return false;
    try {
      return this.artifacts !== undefined && supportsMultipart(this.artifacts.destination());
    } catch {
      return false;
    }
  }

  /**
   * Same keys and order as MLflow 3.18. Capabilities we do not implement (multipart downloads and
   * presigned transfers, the AI gateway, issue detection, trace archival, workspaces) are reported off, so
   * clients take their fallbacks instead of calling routes we lack.
   */
  info(): ServerInfoResponse {
    return {
      store_type: this.config.artifactsOnly ? null : this.store.storeType,
      workspaces_enabled: false,
      trace_archival_enabled: false,
      multipart_uploads_enabled: this.multipartUploadsEnabled(),
      multipart_downloads_enabled: false,
      artifact_serving_enabled: this.config.serveArtifacts,
      skill_content_max_size: SKILL_CONTENT_MAX_SIZE,
      skill_content_max_files: SKILL_CONTENT_MAX_FILES,
      presigned_upload_run_id_supported: false,
      presigned_upload_model_id_supported: false,
      model_artifact_presigned_downloads_supported: false,
      features_enabled: { gateway: false, scheduled_issue_detection: false },
      tracking_auth: '',
      artifacts_presigned_only: false,
    };
  }
}
