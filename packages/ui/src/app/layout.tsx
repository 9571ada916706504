// The frame around every page: top bar with the product name and navigation, then the routed page.
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { Loading } from '../components/loading.js';
import { Nav } from './nav.js';

export function Layout() {
  return (
    <div className="app">
      <header className="app-header">
        <Link className="app-brand" to="/">
          <span className="app-logo" aria-hidden />
          <span className="app-name">mlflow-ts</span>
        </Link>
        <Nav />
      </header>
      <main className="app-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
