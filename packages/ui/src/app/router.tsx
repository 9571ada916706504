// The browser router: the layout around the registry's routes, under the server's --static-prefix.
import { createBrowserRouter, Navigate } from 'react-router';
import { prefix } from '../api/rest.js';
import { NotFoundPage } from '../components/not-found-page.js';
import { RouteError } from '../components/route-error.js';
import { Layout } from './layout.js';
import { featureRoutes } from './routes.js';

export function createRouter() {
  return createBrowserRouter(
    [
      {
        path: '/',
        element: <Layout />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/experiments" replace /> },
          ...featureRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
    { basename: prefix || '/' },
  );
}
