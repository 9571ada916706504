// The run's overview: status, times, duration, user, source, lineage (parent and child runs), description.
import type { Run } from '@mlflow-ts/protocol';
import { Link } from 'react-router';
import { ErrorBanner } from '../../../components/error-banner.js';
import { formatDuration, formatTime } from '../../../lib/format.js';
import { useChildRunsQuery } from '../hooks/use-run.js';

function tag(run: Run, key: string): string | undefined {
  return run.data.tags?.find((t) => t.key === key)?.value;
}

export function RunOverview({ run }: { run: Run }) {
  const info = run.info;
  const parentId = tag(run, 'mlflow.parentRunId');
  const children = useChildRunsQuery(info.experiment_id, info.run_id);
  const source = tag(run, 'mlflow.source.name');
  const sourceType = tag(run, 'mlflow.source.type');
  const commit = tag(run, 'mlflow.source.git.commit');
  const note = tag(run, 'mlflow.note.content');
  return (
    <div className="overview">
      <section className="card">
        <div className="card-header">
          <h3>Details</h3>
        </div>
        <div className="card-body">
          <dl className="kv" data-testid="run-details">
            <dt>Status</dt>
            <dd>
              <span className={`badge badge-${info.status}`}>{info.status}</span>
              {info.lifecycle_stage === 'deleted' ? (
                <span className="badge badge-FAILED"> deleted</span>
              ) : null}
            </dd>
            <dt>Run ID</dt>
            <dd className="mono">{info.run_id}</dd>
            <dt>Started</dt>
            <dd>{formatTime(info.start_time)}</dd>
            <dt>Ended</dt>
            <dd>{formatTime(info.end_time)}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(info.start_time, info.end_time)}</dd>
            <dt>User</dt>
            <dd>{info.user_id || tag(run, 'mlflow.user') || '—'}</dd>
            <dt>Source</dt>
            <dd>
              {source ? <span className="mono">{source}</span> : '—'}
              {sourceType ? <span className="muted"> ({sourceType})</span> : null}
              {commit ? <span className="mono muted"> @ {commit.slice(0, 10)}</span> : null}
            </dd>
            <dt>Artifact URI</dt>
            <dd className="mono">{info.artifact_uri}</dd>
            <dt>Parent run</dt>
            <dd>
              {parentId ? (
                <Link to={`/experiments/${info.experiment_id}/runs/${parentId}`} className="mono">
                  {parentId}
                </Link>
              ) : (
                '—'
              )}
            </dd>
          </dl>
        </div>
      </section>
      <section className="card">
        <div className="card-header">
          <h3>Child runs</h3>
          <span className="muted">{children.data ? children.data.length : ''}</span>
        </div>
        <div className="card-body">
          {children.error ? <ErrorBanner error={children.error} /> : null}
          {children.data && children.data.length === 0 ? <span className="muted">No child runs</span> : null}
          <ul className="child-runs">
            {(children.data ?? []).map((c) => (
              <li key={c.run_id}>
                <Link to={`/experiments/${c.experiment_id}/runs/${c.run_id}`}>{c.run_name || c.run_id}</Link>{' '}
                <span className={`badge badge-${c.status}`}>{c.status}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>
      {note ? (
        <section className="card overview-wide">
          <div className="card-header">
            <h3>Description</h3>
          </div>
          <div className="card-body preview-text">{note}</div>
        </section>
      ) : null}
    </div>
  );
}
