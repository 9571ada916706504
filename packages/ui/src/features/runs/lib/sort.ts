// The runs table's sort as it lives in the URL (?sort=<column id>&dir=asc|desc) and as MLflow's order_by.
import { columnFromId } from './columns.js';

export interface SortState {
  readonly columnId: string;
  readonly desc: boolean;
}

/** MLflow's own default: newest runs first. */
export const DEFAULT_SORT: SortState = { columnId: 'attr:start_time', desc: true };

export function sortFromSearch(params: URLSearchParams): SortState {
  const columnId = params.get('sort');
  if (!columnId || columnFromId(columnId)?.sortKey === undefined) return DEFAULT_SORT;
  return { columnId, desc: params.get('dir') !== 'asc' };
}

/** order_by terms: the chosen column, then start time and run id so pages never reshuffle. */
export function orderByOf(sort: SortState): string[] {
  const key = columnFromId(sort.columnId)?.sortKey ?? 'attributes.start_time';
  const terms = [`${key} ${sort.desc ? 'DESC' : 'ASC'}`];
  if (key !== 'attributes.start_time') terms.push('attributes.start_time DESC');
  return terms;
}
