// A searchable, virtualized list of rows (params, metrics, tags): thousands of keys render like ten.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { EmptyState } from './empty-state.js';

export interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly keyOf: (item: T) => string;
  /** Text the search box matches against. */
  readonly searchText: (item: T) => string;
  readonly header: ReactNode;
  readonly renderRow: (item: T) => ReactNode;
  readonly rowHeight?: number;
  readonly emptyTitle: string;
  readonly testId?: string;
  readonly toolbar?: ReactNode;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const [search, setSearch] = useState('');
  const rowHeight = props.rowHeight ?? 32;
  const { items, searchText } = props;
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q ? items.filter((i) => searchText(i).toLowerCase().includes(q)) : items;
  }, [items, search, searchText]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  if (items.length === 0) return <EmptyState title={props.emptyTitle} />;
  return (
    <div className="vlist" data-testid={props.testId}>
      <div className="row">
        <input
          className="input vlist-search"
          type="search"
          placeholder={`Search ${items.length.toLocaleString()} keys`}
          aria-label="Search keys"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="spacer" />
        {props.toolbar}
      </div>
      <div className="vlist-frame card">
        <div className="vlist-header">{props.header}</div>
        <div
          className="vlist-scroll"
          ref={scrollRef}
          style={{ maxHeight: Math.min(shown.length * rowHeight, 560) + 2 }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const item = shown[v.index] as T;
              return (
                <div
                  key={props.keyOf(item)}
                  className="vlist-row"
                  style={{ transform: `translateY(${v.start}px)`, height: rowHeight }}
                >
                  {props.renderRow(item)}
                </div>
              );
            })}
          </div>
          {shown.length === 0 ? <div className="vlist-none muted">No key matches “{search}”.</div> : null}
        </div>
      </div>
    </div>
  );
}
