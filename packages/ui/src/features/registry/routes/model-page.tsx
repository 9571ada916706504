// A registered model: description, aliases, tags, and the table of its versions.
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorBanner } from '../../../components/error-banner.js';
import { Loading } from '../../../components/loading.js';
import { PageHeader } from '../../../components/page-header.js';
import { AliasChips } from '../components/alias-chips.js';
import { TagsTable } from '../components/tags-table.js';
import { useModelVersions, useRegisteredModel } from '../hooks/use-registry.js';
import { formatTime } from '../lib/format-time.js';
import { registryPaths } from '../lib/registry-filters.js';
import '../registry.css';

/**
 * A version's aliases: the model's alias table is the authority (it is what set-alias writes);
 * the version's own list is merged in for servers that only report it there.
 */
function aliasesOf(
  version: string,
  modelAliases: readonly { alias: string; version: string }[] | undefined,
  own: readonly string[] | undefined,
): { alias: string }[] {
  const names = new Set((modelAliases ?? []).filter((a) => a.version === version).map((a) => a.alias));
  for (const alias of own ?? []) names.add(alias);
  return [...names].sort().map((alias) => ({ alias }));
}

export function ModelPage() {
  const name = useParams().name ?? '';
  const model = useRegisteredModel(name);
  const versions = useModelVersions(name);
  const crumbs = [{ label: 'Registered models', to: registryPaths.list }];

  if (model.isError) {
    return (
      <div className="page model-page">
        <PageHeader title={name} crumbs={crumbs} />
        <ErrorBanner error={model.error} title="Could not load the model" />
      </div>
    );
  }
  if (model.isPending) return <Loading label="Loading model…" />;
  const m = model.data;
  return (
    <div className="page model-page">
      <PageHeader
        title={m.name}
        crumbs={crumbs}
        meta={`Created ${formatTime(m.creation_timestamp)} · last modified ${formatTime(m.last_updated_timestamp)}`}
      />
      <section className="registry-section">
        <h2>Description</h2>
        {m.description ? (
          <p className="description">{m.description}</p>
        ) : (
          <p className="muted">No description.</p>
        )}
      </section>
      <section className="registry-section">
        <h2>Aliases</h2>
        <AliasChips name={m.name} aliases={m.aliases ?? []} />
      </section>
      <section className="registry-section">
        <h2>Tags</h2>
        <TagsTable tags={m.tags} />
      </section>
      <section className="registry-section">
        <h2>Versions</h2>
        {versions.isError ? (
          <ErrorBanner error={versions.error} title="Could not load the versions" />
        ) : versions.isPending ? (
          <Loading label="Loading versions…" />
        ) : versions.data.length === 0 ? (
          <EmptyState title="No versions">This model has no versions yet.</EmptyState>
        ) : (
          <table className="table versions-table">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Stage</th>
                <th scope="col">Aliases</th>
                <th scope="col">Status</th>
                <th scope="col">Registered</th>
                <th scope="col">Source run</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((v) => (
                <tr key={v.version}>
                  <td>
                    <Link to={registryPaths.version(m.name, v.version)}>Version {v.version}</Link>
                  </td>
                  <td>{v.current_stage ?? 'None'}</td>
                  <td>
                    <AliasChips name={m.name} aliases={aliasesOf(v.version, m.aliases, v.aliases)} />
                  </td>
                  <td>{v.status ?? ''}</td>
                  <td>{formatTime(v.creation_timestamp)}</td>
                  <td className="mono">{v.run_id ? v.run_id.slice(0, 12) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
