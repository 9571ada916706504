// Typed query keys of the run page: the run, its child runs, and one metric's sparkline envelope.
export const runPageKeys = {
  all: ['run'] as const,
  run: (runId: string) => [...runPageKeys.all, runId] as const,
  children: (experimentId: string, runId: string) =>
    [...runPageKeys.all, runId, 'children', experimentId] as const,
  sparkline: (runId: string, metricKey: string) =>
    [...runPageKeys.all, runId, 'sparkline', metricKey] as const,
};
