// Shown when a route throws while rendering: keeps the frame and says what went wrong.
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorBanner } from './error-banner.js';

export function RouteError() {
  const error = useRouteError();
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <div className="page">
      <h1>Something went wrong</h1>
      <ErrorBanner error={shown} />
      <Link to="/">Back to experiments</Link>
    </div>
  );
}
