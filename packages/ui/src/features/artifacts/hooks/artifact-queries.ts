// Query functions of the artifacts feature: list a directory (every page), read a file's text.
import { RestClient } from '@mlflow-ts/client';
import { trackingEndpoints, type FileInfo } from '@mlflow-ts/protocol';
import { artifactUrl, prefix, rest } from '../../../api/rest.js';

export async function listArtifacts(runId: string, path: string, signal?: AbortSignal): Promise<FileInfo[]> {
  const files: FileInfo[] = [];
  let pageToken: string | undefined;
  do {
    const res = await rest.call(
      trackingEndpoints.listArtifacts,
      { run_id: runId, ...(path ? { path } : {}), ...(pageToken ? { page_token: pageToken } : {}) },
      { signal },
    );
    files.push(...(res.files ?? []));
    pageToken = res.next_page_token || undefined;
  } while (pageToken);
  // Folders first, then names A→Z, as file browsers show them.
  return files.sort((a, b) => Number(b.is_dir) - Number(a.is_dir) || a.path.localeCompare(b.path));
}

/** The file as text, through the client's raw request (same headers, timeout and error reading). */
export async function readArtifactText(runId: string, path: string, signal?: AbortSignal): Promise<string> {
  const url = artifactUrl(runId, path);
  const res = await rest.request({
    method: 'GET',
    path: url.slice(prefix.length),
    retry: 'idempotent',
    signal,
  });
  await RestClient.ensureOk(res, url);
  return res.text();
}
