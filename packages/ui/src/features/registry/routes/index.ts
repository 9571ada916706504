// The registry feature's routes: models list, a model, a model version — loaded on first visit.
import type { RouteObject } from 'react-router';

export const registryRoutes: RouteObject[] = [
  { path: 'models', lazy: async () => ({ Component: (await import('./models-page.js')).ModelsPage }) },
  { path: 'models/:name', lazy: async () => ({ Component: (await import('./model-page.js')).ModelPage }) },
  {
    path: 'models/:name/versions/:version',
    lazy: async () => ({ Component: (await import('./version-page.js')).VersionPage }),
  },
];
