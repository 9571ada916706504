// The search box: MLflow's run filter syntax, applied on Enter; the server's parse error shows right under it.
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner.js';

export interface FilterBarProps {
  readonly value: string;
  readonly onApply: (filter: string) => void;
  readonly error: unknown;
}

export function FilterBar({ value, onApply, error }: FilterBarProps) {
  const [draft, setDraft] = useState(value);
  // Back/forward changes the applied filter; the box follows it.
  useEffect(() => setDraft(value), [value]);
  return (
    <form
      className="runs-filter"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft.trim());
      }}
    >
      <div className="runs-filter-row">
        <input
          className={`input runs-filter-input${error ? ' input-error' : ''}`}
          placeholder="metrics.rmse < 1 and params.model = 'tree' and tags.`mlflow.user` = 'alice'"
          aria-label="Filter runs"
          spellCheck={false}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button className="btn" type="submit">
          Search
        </button>
        {value ? (
          <button
            className="btn"
            type="button"
            onClick={() => {
              setDraft('');
              onApply('');
            }}
          >
            Clear
          </button>
        ) : null}
      </div>
      {error ? <ErrorBanner error={error} title="Invalid filter" /> : null}
    </form>
  );
}
