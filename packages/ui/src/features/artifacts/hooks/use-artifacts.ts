// Query hooks of the artifacts feature.
import { useQuery } from '@tanstack/react-query';
import { listArtifacts, readArtifactText } from './artifact-queries.js';
import { artifactKeys } from './query-keys.js';

export function useArtifactListQuery(runId: string, path: string, enabled = true) {
  return useQuery({
    queryKey: artifactKeys.list(runId, path),
    queryFn: ({ signal }) => listArtifacts(runId, path, signal),
    enabled,
  });
}

export function useArtifactTextQuery(runId: string, path: string, enabled: boolean) {
  return useQuery({
    queryKey: artifactKeys.text(runId, path),
    queryFn: ({ signal }) => readArtifactText(runId, path, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}
