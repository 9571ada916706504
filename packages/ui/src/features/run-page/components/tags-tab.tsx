// The run's tags: add, edit and delete; MLflow's system tags (mlflow.*) are shown on request.
import type { RunTag } from '@mlflow-ts/protocol';
import { useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner.js';
import { VirtualList } from '../../../components/virtual-list.js';
import { useDeleteRunTag, useSetRunTag } from '../hooks/use-tag-mutations.js';

export function TagsTab({ runId, tags }: { runId: string; tags: readonly RunTag[] }) {
  const [showSystem, setShowSystem] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');
  const setTag = useSetRunTag(runId);
  const deleteTag = useDeleteRunTag(runId);
  const shown = tags
    .filter((t) => showSystem || !t.key.startsWith('mlflow.'))
    .sort((a, b) => a.key.localeCompare(b.key));
  const save = (key: string, value: string) =>
    setTag.mutate({ key, value }, { onSuccess: () => setEditing(null) });

  return (
    <div className="vlist-tags tags-tab">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setTag.mutate(
            { key: newKey.trim(), value: newValue },
            {
              onSuccess: () => {
                setNewKey('');
                setNewValue('');
              },
            },
          );
        }}
      >
        <input
          className="input"
          placeholder="New tag key"
          aria-label="New tag key"
          value={newKey}
          onChange={(e) => setNewKey(e.target.value)}
        />
        <input
          className="input"
          style={{ flex: 1, maxWidth: 420 }}
          placeholder="Value"
          aria-label="New tag value"
          value={newValue}
          onChange={(e) => setNewValue(e.target.value)}
        />
        <button className="btn btn-primary" type="submit" disabled={!newKey.trim() || setTag.isPending}>
          Add tag
        </button>
      </form>
      {setTag.error ? <ErrorBanner error={setTag.error} title="Tag not saved" /> : null}
      {deleteTag.error ? <ErrorBanner error={deleteTag.error} title="Tag not deleted" /> : null}
      <VirtualList
        items={shown}
        keyOf={(t) => t.key}
        searchText={(t) => `${t.key} ${t.value ?? ''}`}
        emptyTitle={showSystem ? 'No tags' : 'No tags besides MLflow system tags'}
        testId="tags-list"
        rowHeight={36}
        toolbar={
          <label className="row muted">
            <input type="checkbox" checked={showSystem} onChange={(e) => setShowSystem(e.target.checked)} />
            Show system tags
          </label>
        }
        header={
          <>
            <span>Tag</span>
            <span>Value</span>
            <span />
          </>
        }
        renderRow={(t) => (
          <>
            <span className="mono" title={t.key}>
              {t.key}
            </span>
            {editing === t.key ? (
              <input
                className="input"
                autoFocus
                aria-label={`Value of ${t.key}`}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') save(t.key, draft);
                  if (e.key === 'Escape') setEditing(null);
                }}
              />
            ) : (
              <span title={t.value}>{t.value}</span>
            )}
            <span className="row" style={{ justifyContent: 'flex-end' }}>
              {editing === t.key ? (
                <>
                  <button className="btn btn-small btn-primary" onClick={() => save(t.key, draft)}>
                    Save
                  </button>
                  <button className="btn btn-small" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </>
              ) : (
                <>
                  <button
                    className="btn btn-small"
                    onClick={() => {
                      setEditing(t.key);
                      setDraft(t.value ?? '');
                    }}
                  >
                    Edit
                  </button>
                  <button className="btn btn-small btn-danger" onClick={() => deleteTag.mutate(t.key)}>
                    Delete
                  </button>
                </>
              )}
            </span>
          </>
        )}
      />
    </div>
  );
}
