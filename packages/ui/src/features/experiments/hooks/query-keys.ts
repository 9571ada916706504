// Typed query keys of the experiments feature: everything under ['experiments'] is invalidated together.
import type { ViewType } from '@mlflow-ts/protocol';

export interface ExperimentListParams {
  readonly search: string;
  readonly view: ViewType;
}

export const experimentKeys = {
  all: ['experiments'] as const,
  lists: () => [...experimentKeys.all, 'list'] as const,
  list: (params: ExperimentListParams) => [...experimentKeys.lists(), params] as const,
  detail: (experimentId: string) => [...experimentKeys.all, 'detail', experimentId] as const,
};
