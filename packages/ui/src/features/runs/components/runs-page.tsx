// An experiment's runs: filter box, column chooser, selection actions and the virtualized table; state in the URL.
import type { ViewType } from '@mlflow-ts/protocol';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorBanner } from '../../../components/error-banner.js';
import { Loading } from '../../../components/loading.js';
import { PageHeader } from '../../../components/page-header.js';
import { chartsPath } from '../../charts/lib/chart-links.js';
import { comparePath } from '../../compare/lib/compare-links.js';
import { useExperimentQuery } from '../../experiments/hooks/use-experiments.js';
import { useColumnPrefs } from '../hooks/use-column-prefs.js';
import { useDeleteRuns, useRestoreRuns } from '../hooks/use-run-mutations.js';
import { useRunsQuery } from '../hooks/use-runs.js';
import { visibleColumns, type ColumnSpec } from '../lib/columns.js';
import { collectKeys } from '../lib/run-row.js';
import { orderByOf, sortFromSearch } from '../lib/sort.js';
import { ColumnChooser } from './column-chooser.js';
import { FilterBar } from './filter-bar.js';
import { MoveRunsDialog } from './move-runs-dialog.js';
import { RunsTable } from './runs-table.js';
import './runs.css';

export function RunsPage() {
  const { experimentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filter = params.get('filter') ?? '';
  const deletedView = params.get('view') === 'deleted';
  const view: ViewType = deletedView ? 'DELETED_ONLY' : 'ACTIVE_ONLY';
  const sortParam = params.get('sort');
  const dirParam = params.get('dir');
  // A stable object while the URL's sort is unchanged, so the query key does not churn.
  const sort = useMemo(
    () => sortFromSearch(new URLSearchParams({ sort: sortParam ?? '', dir: dirParam ?? '' })),
    [sortParam, dirParam],
  );
  const orderBy = useMemo(() => orderByOf(sort), [sort]);

  const experiment = useExperimentQuery(experimentId);
  const runs = useRunsQuery({ experimentId, filter, orderBy, view });
  const keys = useMemo(() => collectKeys(runs.rows), [runs.rows]);
  const [prefs, setPrefs] = useColumnPrefs(experimentId);
  const columns = useMemo(() => visibleColumns(keys, prefs), [keys, prefs]);
  const [choosing, setChoosing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const del = useDeleteRuns();
  const restore = useRestoreRuns();

  const update = (change: (next: URLSearchParams) => void) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      change(next);
      return next;
    });
  const onSort = (column: ColumnSpec) =>
    update((next) => {
      const desc =
        sort.columnId === column.id ? !sort.desc : column.numeric || column.id === 'attr:start_time';
      next.set('sort', column.id);
      next.set('dir', desc ? 'desc' : 'asc');
    });
  const onToggle = useCallback(
    (runId: string) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(runId)) next.delete(runId);
        else next.add(runId);
        return next;
      }),
    [],
  );
  const onToggleAll = () =>
    setSelected((prev) =>
      prev.size > 0 && runs.rows.every((r) => prev.has(r.runId))
        ? new Set()
        : new Set(runs.rows.map((r) => r.runId)),
    );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = runs;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const loadedIds = useMemo(() => new Set(runs.rows.map((r) => r.runId)), [runs.rows]);
  const selectedIds = [...selected].filter((id) => loadedIds.has(id));
  const actionError = del.error ?? restore.error;
  const filterError = runs.error && !runs.isFetchNextPageError ? runs.error : null;
  const name = experiment.data?.name ?? (experiment.isLoading ? '…' : `Experiment ${experimentId}`);

  if (experiment.error && !experiment.data) {
    return (
      <div className="page">
        <PageHeader
          title={`Experiment ${experimentId}`}
          crumbs={[{ label: 'Experiments', to: '/experiments' }]}
        />
        <ErrorBanner error={experiment.error} title="Could not load the experiment" />
      </div>
    );
  }

  return (
    <div className="page runs-page">
      <PageHeader
        title={name}
        crumbs={[{ label: 'Experiments', to: '/experiments' }]}
        meta={
          <span>
            ID <span className="mono">{experimentId}</span>
            {experiment.data?.artifact_location ? (
              <>
                {' · '}artifacts <span className="mono">{experiment.data.artifact_location}</span>
              </>
            ) : null}
          </span>
        }
      />
      <FilterBar
        value={filter}
        error={filterError}
        onApply={(f) =>
          update((next) => {
            if (f) next.set('filter', f);
            else next.delete('filter');
          })
        }
      />
      <div className="runs-toolbar">
        <div className="segmented" role="group" aria-label="Lifecycle">
          <button className={deletedView ? '' : 'active'} onClick={() => update((n) => n.delete('view'))}>
            Active
          </button>
          <button
            className={deletedView ? 'active' : ''}
            onClick={() => update((n) => n.set('view', 'deleted'))}
          >
            Deleted
          </button>
        </div>
        {selectedIds.length > 0 ? (
          <>
            <span className="runs-count">{selectedIds.length} selected</span>
            <button className="btn" onClick={() => navigate(comparePath(selectedIds))}>
              Compare
            </button>
            <button className="btn" onClick={() => navigate(chartsPath(selectedIds))}>
              Chart
            </button>
            {deletedView ? (
              <button
                className="btn"
                onClick={() => restore.mutate(selectedIds, { onSuccess: () => setSelected(new Set()) })}
              >
                Restore
              </button>
            ) : (
              <>
                <button
                  className="btn btn-danger"
                  onClick={() => del.mutate(selectedIds, { onSuccess: () => setSelected(new Set()) })}
                >
                  Delete
                </button>
                <button className="btn" onClick={() => setMoving(true)}>
                  Move to experiment…
                </button>
              </>
            )}
          </>
        ) : null}
        <span className="spacer" />
        <span className="runs-count" data-testid="runs-count">
          {runs.rows.length.toLocaleString()} run{runs.rows.length === 1 ? '' : 's'}
          {runs.hasNextPage ? ' loaded, more on scroll' : ''}
        </span>
        {runs.isFetching ? <span className="spinner" aria-label="Loading" /> : null}
        <div className="chooser-anchor">
          <button className="btn" onClick={() => setChoosing((v) => !v)} aria-expanded={choosing}>
            Columns
          </button>
          {choosing ? (
            <ColumnChooser keys={keys} prefs={prefs} onChange={setPrefs} onClose={() => setChoosing(false)} />
          ) : null}
        </div>
      </div>
      {actionError ? <ErrorBanner error={actionError} /> : null}
      <div className="runs-table-frame">
        {runs.isLoading ? (
          <Loading label="Loading runs…" />
        ) : runs.rows.length === 0 && runs.error ? (
          <div className="runs-table-note">
            <EmptyState title="No runs to show">
              The search above could not run; fix it or clear it.
            </EmptyState>
          </div>
        ) : runs.rows.length === 0 ? (
          <div className="runs-table-note">
            <EmptyState
              title={filter ? 'No run matches this filter' : deletedView ? 'No deleted runs' : 'No runs yet'}
            >
              {filter
                ? 'Change or clear the filter above.'
                : 'Runs logged to this experiment will show here.'}
            </EmptyState>
          </div>
        ) : (
          <RunsTable
            rows={runs.rows}
            columns={columns}
            sort={sort}
            onSort={onSort}
            selected={selected}
            onToggle={onToggle}
            onToggleAll={onToggleAll}
            hasMore={runs.hasNextPage}
            loadMore={loadMore}
          />
        )}
      </div>
      {moving ? (
        <MoveRunsDialog
          runIds={selectedIds}
          currentExperimentId={experimentId}
          onClose={() => setMoving(false)}
          onMoved={(target) => {
            setMoving(false);
            setSelected(new Set());
            void navigate(`/experiments/${target}`);
          }}
        />
      ) : null}
    </div>
  );
}
