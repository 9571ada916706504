// The registered models list: a name search, a table of models, and "Load more" paging.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorBanner } from '../../../components/error-banner.js';
import { Loading } from '../../../components/loading.js';
import { PageHeader } from '../../../components/page-header.js';
import { AliasChips } from '../components/alias-chips.js';
import { useModelSearch } from '../hooks/use-registry.js';
import { formatTime } from '../lib/format-time.js';
import { registryPaths } from '../lib/registry-filters.js';
import '../registry.css';

export function ModelsPage() {
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const [draft, setDraft] = useState(text);
  const query = useModelSearch(text);
  const models = query.data?.pages.flatMap((p) => p.registered_models ?? []) ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(draft.trim() === '' ? {} : { q: draft.trim() }, { replace: true });
  };

  return (
    <div className="page models-page">
      <PageHeader title="Registered models" />
      <form className="row registry-search" onSubmit={submit} role="search">
        <input
          className="input"
          type="search"
          aria-label="Search models by name"
          placeholder="Search by name"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button className="btn" type="submit">
          Search
        </button>
      </form>
      {query.isError ? (
        <ErrorBanner error={query.error} title="Could not search the models" />
      ) : query.isPending ? (
        <Loading label="Loading models…" />
      ) : models.length === 0 ? (
        <EmptyState title={text ? `No models match “${text}”` : 'No registered models yet'}>
          {text
            ? 'Try another part of the name.'
            : 'Register a model from a run (mlflow.register_model) to see it here.'}
        </EmptyState>
      ) : (
        <>
          <table className="table models-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Latest version</th>
                <th scope="col">Aliases</th>
                <th scope="col">Last modified</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => {
                const latest = [...(m.latest_versions ?? [])].sort(
                  (a, b) => Number(b.version) - Number(a.version),
                )[0];
                return (
                  <tr key={m.name}>
                    <td>
                      <Link to={registryPaths.model(m.name)}>{m.name}</Link>
                    </td>
                    <td>
                      {latest ? (
                        <Link to={registryPaths.version(m.name, latest.version)}>
                          Version {latest.version}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <AliasChips name={m.name} aliases={m.aliases ?? []} />
                    </td>
                    <td>{formatTime(m.last_updated_timestamp)}</td>
                    <td className="description-cell">{m.description ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {query.hasNextPage ? (
            <button
              className="btn"
              type="button"
              disabled={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
