// Routes of the experiments feature: the experiments list.
import type { RouteObject } from 'react-router';
import { ExperimentsPage } from '../components/experiments-page.js';

export const experimentsRoutes: RouteObject[] = [{ path: 'experiments', element: <ExperimentsPage /> }];
