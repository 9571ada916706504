// The experiments list: search by name, active/deleted view, create, rename, delete and restore.
import type { Experiment, ViewType } from '@mlflow-ts/protocol';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorBanner } from '../../../components/error-banner.js';
import { Loading } from '../../../components/loading.js';
import { PageHeader } from '../../../components/page-header.js';
import { formatAgo, formatTime } from '../../../lib/format.js';
import { useDebounced } from '../../../lib/use-debounced.js';
import { useDeleteExperiment, useRestoreExperiment } from '../hooks/use-experiment-mutations.js';
import { useExperimentsQuery } from '../hooks/use-experiments.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { CreateExperimentDialog } from './create-experiment-dialog.js';
import { RenameExperimentDialog } from './rename-experiment-dialog.js';
import './experiments.css';

export function ExperimentsPage() {
  const [params, setParams] = useSearchParams();
  const view: ViewType = params.get('view') === 'deleted' ? 'DELETED_ONLY' : 'ACTIVE_ONLY';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const debounced = useDebounced(search);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Experiment | null>(null);

  // The search lives in the URL (deep links, back/forward), written after the typing pauses.
  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const query = useExperimentsQuery({ search: debounced, view });
  const experiments = query.data?.pages.flatMap((p) => p.experiments) ?? [];
  const setView = (deleted: boolean) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (deleted) next.set('view', 'deleted');
      else next.delete('view');
      return next;
    });

  return (
    <div className="page experiments-page">
      <PageHeader
        title="Experiments"
        actions={
          <button className="btn btn-primary" onClick={() => setCreating(true)}>
            New experiment
          </button>
        }
      />
      <div className="row">
        <input
          className="input experiments-search"
          type="search"
          placeholder="Search experiments by name"
          aria-label="Search experiments"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <div className="segmented" role="group" aria-label="Lifecycle">
          <button className={view === 'ACTIVE_ONLY' ? 'active' : ''} onClick={() => setView(false)}>
            Active
          </button>
          <button className={view === 'DELETED_ONLY' ? 'active' : ''} onClick={() => setView(true)}>
            Deleted
          </button>
        </div>
        <span className="spacer" />
        {query.isFetching && !query.isLoading ? <span className="spinner" aria-label="Refreshing" /> : null}
      </div>
      {query.error ? <ErrorBanner error={query.error} title="Could not load experiments" /> : null}
      {query.isLoading ? (
        <Loading />
      ) : experiments.length === 0 && !query.error ? (
        <EmptyState
          title={
            debounced
              ? 'No experiment matches'
              : view === 'DELETED_ONLY'
                ? 'No deleted experiments'
                : 'No experiments yet'
          }
        >
          {debounced
            ? `Nothing is named like “${debounced}”.`
            : 'Create one, or log a run with an MLflow client.'}
        </EmptyState>
      ) : (
        <ExperimentsTable
          experiments={experiments}
          deletedView={view === 'DELETED_ONLY'}
          onRename={setRenaming}
        />
      )}
      {query.hasNextPage ? (
        <button
          className="btn"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          Load more
        </button>
      ) : null}
      <CreateExperimentDialog open={creating} onClose={() => setCreating(false)} />
      {renaming ? <RenameExperimentDialog experiment={renaming} onClose={() => setRenaming(null)} /> : null}
    </div>
  );
}

function ExperimentsTable(props: {
  experiments: Experiment[];
  deletedView: boolean;
  onRename: (e: Experiment) => void;
}) {
  const del = useDeleteExperiment();
  const restore = useRestoreExperiment();
  const [deleting, setDeleting] = useState<Experiment | null>(null);
  return (
    <>
      {restore.error ? <ErrorBanner error={restore.error} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete"
          pending={del.isPending}
          error={del.error}
          onConfirm={() => del.mutate(deleting.experiment_id, { onSuccess: () => setDeleting(null) })}
          onClose={() => {
            del.reset();
            setDeleting(null);
          }}
        >
          The experiment and its runs move to the deleted view, where they can be restored.
        </ConfirmDialog>
      ) : null}
      <div className="card experiments-table-wrap">
        <table className="table experiments-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>ID</th>
              <th>Created</th>
              <th>Last updated</th>
              <th>Artifact location</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {props.experiments.map((e) => (
              <tr key={e.experiment_id} data-testid="experiment-row">
                <td className="experiment-name">
                  <Link to={`/experiments/${e.experiment_id}`}>{e.name}</Link>
                </td>
                <td className="mono">{e.experiment_id}</td>
                <td title={formatTime(e.creation_time)}>{formatTime(e.creation_time)}</td>
                <td title={formatTime(e.last_update_time)}>{formatAgo(e.last_update_time)}</td>
                <td className="mono muted">{e.artifact_location}</td>
                <td className="experiment-actions">
                  {props.deletedView ? (
                    <button
                      className="btn btn-small"
                      onClick={() => restore.mutate(e.experiment_id)}
                      disabled={restore.isPending}
                    >
                      Restore
                    </button>
                  ) : (
                    <>
                      <button className="btn btn-small" onClick={() => props.onRename(e)}>
                        Rename
                      </button>
                      <button className="btn btn-small btn-danger" onClick={() => setDeleting(e)}>
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
