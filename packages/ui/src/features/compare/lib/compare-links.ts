// Where the compare page lives and how other pages link to it (run ids in the query string).
export const COMPARE_PATH = '/compare';

/** `/compare?runs=a,b` */
export function comparePath(runIds: readonly string[]): string {
  return `${COMPARE_PATH}?${new URLSearchParams({ runs: runIds.join(',') }).toString()}`;
}
