// The compare feature's routes, loaded on first visit.
import type { RouteObject } from 'react-router';

export const compareRoutes: RouteObject[] = [
  { path: 'compare', lazy: async () => ({ Component: (await import('./compare-page.js')).ComparePage }) },
];
