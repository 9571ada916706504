// One model version: status, stage, source run (linked to its run page), aliases, tags, description.
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorBanner } from '../../../components/error-banner.js';
import { Loading } from '../../../components/loading.js';
import { PageHeader } from '../../../components/page-header.js';
import { AliasChips } from '../components/alias-chips.js';
import { TagsTable } from '../components/tags-table.js';
import { useModelVersion, useRunExperiment } from '../hooks/use-registry.js';
import { formatTime } from '../lib/format-time.js';
import { registryPaths } from '../lib/registry-filters.js';
import '../registry.css';

function SourceRun({ runId }: { runId: string | undefined }) {
  const experiment = useRunExperiment(runId);
  if (!runId) return <span className="muted">—</span>;
  // The run may be gone (deleted, another server): the id stays readable without a link.
  if (!experiment.data) return <span className="mono">{runId}</span>;
  return (
    <Link
      className="mono"
      to={`/experiments/${encodeURIComponent(experiment.data)}/runs/${encodeURIComponent(runId)}`}
    >
      {runId}
    </Link>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function VersionPage() {
  const params = useParams();
  const name = params.name ?? '';
  const version = params.version ?? '';
  const query = useModelVersion(name, version);
  const crumbs = [
    { label: 'Registered models', to: registryPaths.list },
    { label: name, to: registryPaths.model(name) },
  ];
  if (query.isError) {
    return (
      <div className="page version-page">
        <PageHeader title={`Version ${version}`} crumbs={crumbs} />
        <ErrorBanner error={query.error} title="Could not load the model version" />
      </div>
    );
  }
  if (query.isPending) return <Loading label="Loading version…" />;
  const v = query.data;
  return (
    <div className="page version-page">
      <PageHeader title={`${v.name} · version ${v.version}`} crumbs={crumbs} />
      <dl className="field-list">
        <Field label="Status">
          {v.status ?? '—'}
          {v.status_message ? ` (${v.status_message})` : ''}
        </Field>
        <Field label="Stage">{v.current_stage ?? 'None'}</Field>
        <Field label="Aliases">
          <AliasChips name={v.name} aliases={(v.aliases ?? []).map((alias) => ({ alias }))} />
        </Field>
        <Field label="Source run">
          <SourceRun runId={v.run_id || undefined} />
        </Field>
        <Field label="Source">
          <span className="mono">{v.source ?? '—'}</span>
        </Field>
        <Field label="Registered">{formatTime(v.creation_timestamp)}</Field>
        <Field label="Last modified">{formatTime(v.last_updated_timestamp)}</Field>
        <Field label="Registered by">{v.user_id || '—'}</Field>
      </dl>
      <section className="registry-section">
        <h2>Description</h2>
        {v.description ? (
          <p className="description">{v.description}</p>
        ) : (
          <p className="muted">No description.</p>
        )}
      </section>
      <section className="registry-section">
        <h2>Tags</h2>
        <TagsTable tags={v.tags} />
      </section>
    </div>
  );
}
