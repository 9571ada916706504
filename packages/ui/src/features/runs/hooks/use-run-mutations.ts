// Mutation hooks on selected runs: delete, restore, and move to another experiment (mlflow-ts extension).
import { moveRunsEndpoints, trackingEndpoints } from '@mlflow-ts/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rest } from '../../../api/rest.js';
import { runKeys } from './query-keys.js';

/** Parallel requests per batch: enough to be quick, few enough not to flood the server. */
const CONCURRENCY = 8;

async function forEachLimited(ids: readonly string[], fn: (id: string) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      await fn(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
}

function useRefreshRuns() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: runKeys.all });
}

export function useDeleteRuns() {
  const refresh = useRefreshRuns();
  return useMutation({
    mutationFn: (runIds: readonly string[]) =>
      forEachLimited(runIds, (id) => rest.call(trackingEndpoints.deleteRun, { run_id: id })),
    onSettled: refresh,
  });
}

export function useRestoreRuns() {
  const refresh = useRefreshRuns();
  return useMutation({
    mutationFn: (runIds: readonly string[]) =>
      forEachLimited(runIds, (id) => rest.call(trackingEndpoints.restoreRun, { run_id: id })),
    onSettled: refresh,
  });
}

export function useMoveRuns() {
  const refresh = useRefreshRuns();
  return useMutation({
    mutationFn: (input: { runIds: readonly string[]; experimentId: string }) =>
      rest.call(moveRunsEndpoints.moveRuns, {
        run_ids: [...input.runIds],
        experiment_id: input.experimentId,
      }),
    onSuccess: refresh,
  });
}
