// Editing a run's tags: set (add or change) and delete; the run is re-read afterwards.
import { trackingEndpoints } from '@mlflow-ts/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rest } from '../../../api/rest.js';
import { runPageKeys } from './query-keys.js';

export function useSetRunTag(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tag: { key: string; value: string }) =>
      rest.call(trackingEndpoints.setTag, { run_id: runId, key: tag.key, value: tag.value }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runPageKeys.run(runId) }),
  });
}

export function useDeleteRunTag(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => rest.call(trackingEndpoints.deleteTag, { run_id: runId, key }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runPageKeys.run(runId) }),
  });
}
