// Routes of the runs feature: an experiment's runs table.
import type { RouteObject } from 'react-router';
import { RunsPage } from '../components/runs-page.js';

export const runsRoutes: RouteObject[] = [{ path: 'experiments/:experimentId', element: <RunsPage /> }];
