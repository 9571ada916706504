// Top navigation: one link per registry entry, highlighted for the section being viewed.
import { NavLink, useLocation } from 'react-router';
import { navEntries } from './routes.js';

export function Nav() {
  const { pathname } = useLocation();
  return (
    <nav className="app-nav" aria-label="Main">
      {navEntries.map((entry) => (
        <NavLink
          key={entry.to}
          to={entry.to}
          className={pathname.startsWith(entry.activePrefix) ? 'app-nav-link active' : 'app-nav-link'}
        >
          {entry.label}
        </NavLink>
      ))}
    </nav>
  );
}
