// What a page shows when there is nothing to list: a title, a hint, and optionally an action.
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-state-title">{title}</div>
      {children ? <div className="muted">{children}</div> : null}
    </div>
  );
}
