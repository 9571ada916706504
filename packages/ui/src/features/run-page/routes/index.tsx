// Routes of the run page: overview and the other tabs, each a deep link.
import type { RouteObject } from 'react-router';
import { RunPage } from '../components/run-page.js';

export const runPageRoutes: RouteObject[] = [
  { path: 'experiments/:experimentId/runs/:runId', element: <RunPage /> },
  { path: 'experiments/:experimentId/runs/:runId/:tab', element: <RunPage /> },
];
