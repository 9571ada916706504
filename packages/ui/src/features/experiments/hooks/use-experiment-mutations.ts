// Mutation hooks of the experiments feature: create, rename, delete, restore; each refreshes the lists.
import { trackingEndpoints } from '@mlflow-ts/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rest } from '../../../api/rest.js';
import { experimentKeys } from './query-keys.js';

function useInvalidateExperiments() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: experimentKeys.all });
}

export function useCreateExperiment() {
  const invalidate = useInvalidateExperiments();
  return useMutation({
    mutationFn: (input: { name: string; artifactLocation: string }) =>
      rest.call(trackingEndpoints.createExperiment, {
        name: input.name,
        ...(input.artifactLocation.trim() ? { artifact_location: input.artifactLocation.trim() } : {}),
      }),
    onSuccess: invalidate,
  });
}

export function useRenameExperiment() {
  const invalidate = useInvalidateExperiments();
  return useMutation({
    mutationFn: (input: { experimentId: string; newName: string }) =>
      rest.call(trackingEndpoints.updateExperiment, {
        experiment_id: input.experimentId,
        new_name: input.newName,
      }),
    onSuccess: invalidate,
  });
}

export function useDeleteExperiment() {
  const invalidate = useInvalidateExperiments();
  return useMutation({
    mutationFn: (experimentId: string) =>
      rest.call(trackingEndpoints.deleteExperiment, { experiment_id: experimentId }),
    onSuccess: invalidate,
  });
}

export function useRestoreExperiment() {
  const invalidate = useInvalidateExperiments();
  return useMutation({
    mutationFn: (experimentId: string) =>
      rest.call(trackingEndpoints.restoreExperiment, { experiment_id: experimentId }),
    onSuccess: invalidate,
  });
}
