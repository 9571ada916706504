// The virtualized runs table: only the rows and columns on screen are in the DOM, so 10,000 runs scroll smoothly.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { formatValue } from '../../../lib/format.js';
import { useMetricSummaries } from '../hooks/use-metric-summaries.js';
import { NAME_COLUMN, type ColumnSpec } from '../lib/columns.js';
import type { RunRow } from '../lib/run-row.js';
import type { SortState } from '../lib/sort.js';

export const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 36;
const CHECK_WIDTH = 36;
const NAME_WIDTH = 240;
/** Width of the pinned block on the left (checkbox and run name). */
const PINNED = CHECK_WIDTH + NAME_WIDTH;
/** Rows from the end of what is loaded at which the next page is requested. */
const LOAD_AHEAD = 60;

export interface RunsTableProps {
  readonly rows: readonly RunRow[];
  readonly columns: readonly ColumnSpec[];
  readonly sort: SortState;
  readonly onSort: (column: ColumnSpec) => void;
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (runId: string) => void;
  readonly onToggleAll: () => void;
  readonly hasMore: boolean;
  readonly loadMore: () => void;
}

export function RunsTable(props: RunsTableProps) {
  const { rows, columns, hasMore, loadMore } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 12,
    // Render in React's normal batch instead of synchronously inside each scroll event: two
    // virtualizers share this scroller, and one render per frame is what keeps scrolling smooth.
    useFlushSync: false,
  });
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => columns[i]?.width ?? 120,
    paddingStart: PINNED,
    overscan: 4,
    useFlushSync: false,
  });
  // Column widths change with the column set; measured sizes must follow.
  useEffect(() => colVirtualizer.measure(), [columns, colVirtualizer]);

  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualCols = colVirtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - LOAD_AHEAD) loadMore();
  }, [hasMore, lastIndex, rows.length, loadMore]);

  const summaryKeys = useMemo(
    () => [...new Set(columns.flatMap((c) => (c.summary ? [c.summary.key] : [])))],
    [columns],
  );
  const summaries = useMetricSummaries(rows, summaryKeys, virtualRows[0]?.index ?? 0, lastIndex);

  const width = colVirtualizer.getTotalSize();
  const height = rowVirtualizer.getTotalSize();
  const allSelected = rows.length > 0 && rows.every((r) => props.selected.has(r.runId));
  const someSelected = props.selected.size > 0 && !allSelected;

  return (
    <div
      className="runs-table"
      ref={scrollRef}
      data-testid="runs-table"
      role="grid"
      aria-rowcount={rows.length}
    >
      <div style={{ width, height, position: 'relative' }}>
        <div className="rt-header" style={{ width }} role="row">
          <div className="rt-pinned rt-head" style={{ width: PINNED }}>
            <div className="rt-check" style={{ width: CHECK_WIDTH }}>
              <input
                type="checkbox"
                aria-label="Select all loaded runs"
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected;
                }}
                onChange={props.onToggleAll}
              />
            </div>
            <HeaderCell column={NAME_COLUMN} sort={props.sort} onSort={props.onSort} width={NAME_WIDTH} />
          </div>
          {virtualCols.map((vc) => {
            const column = columns[vc.index] as ColumnSpec;
            return (
              <div key={column.id} className="rt-abs" style={{ left: vc.start, width: vc.size }}>
                <HeaderCell column={column} sort={props.sort} onSort={props.onSort} width={vc.size} />
              </div>
            );
          })}
        </div>
        {virtualRows.map((vr) => {
          const row = rows[vr.index] as RunRow;
          return (
            <RunRowView
              key={row.runId}
              row={row}
              top={vr.start}
              width={width}
              columns={columns}
              virtualCols={virtualCols}
              selected={props.selected.has(row.runId)}
              onToggle={props.onToggle}
              summaries={summaries}
            />
          );
        })}
      </div>
    </div>
  );
}

function HeaderCell(props: {
  column: ColumnSpec;
  sort: SortState;
  onSort: (c: ColumnSpec) => void;
  width: number;
}) {
  const { column, sort } = props;
  const active = sort.columnId === column.id;
  const sortable = column.sortKey !== undefined;
  const title = sortable
    ? `${column.label} — click to sort`
    : `${column.label} — MLflow's search cannot sort by this column`;
  return (
    <button
      type="button"
      className={`rt-hcell rt-group-${column.group}${column.numeric ? ' rt-num' : ''}${active ? ' rt-sorted' : ''}`}
      style={{ width: props.width }}
      title={title}
      disabled={!sortable}
      onClick={() => props.onSort(column)}
      aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}
    >
      <span className="rt-hlabel">{column.label}</span>
      {active ? <span className="rt-arrow">{sort.desc ? '↓' : '↑'}</span> : null}
    </button>
  );
}

interface RowViewProps {
  readonly row: RunRow;
  readonly top: number;
  readonly width: number;
  readonly columns: readonly ColumnSpec[];
  readonly virtualCols: readonly { index: number; start: number; size: number }[];
  readonly selected: boolean;
  readonly onToggle: (runId: string) => void;
  readonly summaries: ReadonlyMap<string, ReadonlyMap<string, { min: number; max: number }>>;
}

const RunRowView = memo(function RunRowView(props: RowViewProps) {
  const { row, columns } = props;
  return (
    <div
      className={`rt-row${props.selected ? ' rt-selected' : ''}`}
      style={{ transform: `translateY(${props.top}px)`, width: props.width }}
      role="row"
      data-testid="run-row"
      data-run-id={row.runId}
    >
      <div className="rt-pinned" style={{ width: PINNED }}>
        <div className="rt-check" style={{ width: CHECK_WIDTH }}>
          <input
            type="checkbox"
            aria-label={`Select run ${row.name || row.runId}`}
            checked={props.selected}
            onChange={() => props.onToggle(row.runId)}
          />
        </div>
        <div className="rt-cell rt-name" style={{ width: NAME_WIDTH }}>
          <Link to={`/experiments/${row.experimentId}/runs/${row.runId}`} title={row.runId}>
            {row.name || row.runId}
          </Link>
        </div>
      </div>
      {props.virtualCols.map((vc) => {
        const column = columns[vc.index] as ColumnSpec;
        return (
          <div
            key={column.id}
            className={`rt-cell rt-abs${column.numeric ? ' rt-num' : ''}`}
            style={{ left: vc.start, width: vc.size }}
          >
            <CellContent column={column} row={row} summaries={props.summaries} />
          </div>
        );
      })}
    </div>
  );
});

function CellContent({
  column,
  row,
  summaries,
}: Pick<RowViewProps, 'row' | 'summaries'> & { column: ColumnSpec }) {
  if (column.summary) {
    const s = summaries.get(column.summary.key)?.get(row.runId);
    if (!s) return row.metrics.has(column.summary.key) ? <span className="faint">…</span> : null;
    return <>{formatValue(column.summary.aggregate === 'min' ? s.min : s.max)}</>;
  }
  if (column.id === 'attr:status') return <span className={`badge badge-${row.status}`}>{row.status}</span>;
  const text = column.text(row);
  return <span title={text.length > 14 ? text : undefined}>{text}</span>;
}
