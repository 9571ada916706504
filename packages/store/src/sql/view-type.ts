// Which lifecycle stages a search view type covers.
import type { ViewType } from '@mlflow-ts/protocol';

export const ACTIVE = 'active';
export const DELETED = 'deleted';

export function stagesFor(viewType: ViewType): string[] {
  if (viewType === 'ACTIVE_ONLY') return [ACTIVE];
  if (viewType === 'DELETED_ONLY') return [DELETED];
  return [ACTIVE, DELETED];
}
