// The page for a UI path no route knows.
import { Link, useLocation } from 'react-router';
import { EmptyState } from './empty-state.js';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="page">
      <EmptyState title="Page not found">
        Nothing lives at <code>{pathname}</code>. <Link to="/experiments">Go to experiments</Link>
      </EmptyState>
    </div>
  );
}
