// The routes registry: each feature's pages (one line per feature) and the top navigation entries.
import type { RouteObject } from 'react-router';
import { experimentsRoutes } from '../features/experiments/routes/index.js';
import { runPageRoutes } from '../features/run-page/routes/index.js';
import { runsRoutes } from '../features/runs/routes/index.js';
import { chartsRoutes } from '../features/charts/routes/index.js';
import { compareRoutes } from '../features/compare/routes/index.js';
import { registryRoutes } from '../features/registry/routes/index.js';

/** Paths are relative to the app root (and so to --static-prefix); every page is a deep link. */
export const featureRoutes: RouteObject[] = [
  ...experimentsRoutes,
  ...runsRoutes,
  ...runPageRoutes,
  ...chartsRoutes,
  ...compareRoutes,
  ...registryRoutes,
];

export interface NavEntry {
  readonly label: string;
  /** Where the entry links to. */
  readonly to: string;
  /** The entry is highlighted while the location starts with this path. */
  readonly activePrefix: string;
}

export const navEntries: NavEntry[] = [
  { label: 'Experiments', to: '/experiments', activePrefix: '/experiments' },
  { label: 'Models', to: '/models', activePrefix: '/models' },
];
