// The chart feature's routes, loaded on first visit so uPlot stays out of the first page's bundle.
import type { RouteObject } from 'react-router';

export const chartsRoutes: RouteObject[] = [
  { path: 'charts', lazy: async () => ({ Component: (await import('./charts-page.js')).ChartsPage }) },
];
