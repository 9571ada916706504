// Where the chart page lives and how other pages link to it (run ids in the query string).
export const CHARTS_PATH = '/charts';

/** `/charts?runs=a,b` — optionally opened on one metric (`&metric=loss`). */
export function chartsPath(runIds: readonly string[], metricKey?: string): string {
  const params = new URLSearchParams({ runs: runIds.join(',') });
  if (metricKey !== undefined) params.set('metric', metricKey);
  return `${CHARTS_PATH}?${params.toString()}`;
}

/** The run ids of a `runs=a,b` query value, blanks and repeats dropped. */
export function parseRunIds(value: string | null): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}
