// A page's heading block: breadcrumbs, the title, and actions on the right.
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  readonly label: string;
  readonly to: string;
}

export function PageHeader(props: {
  title: ReactNode;
  crumbs?: Crumb[];
  actions?: ReactNode;
  meta?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div className="page-title">
        {props.crumbs && props.crumbs.length > 0 ? (
          <nav className="breadcrumbs" aria-label="Breadcrumbs">
            {props.crumbs.map((c) => (
              <span key={c.to}>
                <Link to={c.to}>{c.label}</Link> /
              </span>
            ))}
          </nav>
        ) : null}
        <h1>{props.title}</h1>
        {props.meta ? <div className="muted">{props.meta}</div> : null}
      </div>
      {props.actions ? <div className="page-actions">{props.actions}</div> : null}
    </div>
  );
}
