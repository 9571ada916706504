// The runs table's column choices per experiment, kept in localStorage so they survive reloads.
import { useCallback, useState } from 'react';
import { EMPTY_PREFS, type ColumnPrefs } from '../lib/columns.js';

const storageKey = (experimentId: string) => `mlflow-ts.runs-columns.${experimentId}`;

function load(experimentId: string): ColumnPrefs {
  try {
    const raw = window.localStorage.getItem(storageKey(experimentId));
    if (!raw) return EMPTY_PREFS;
    const parsed = JSON.parse(raw) as Partial<ColumnPrefs>;
    const strings = (v: unknown) =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    return { hidden: strings(parsed.hidden), added: strings(parsed.added) };
  } catch {
    // Storage disabled or a corrupt entry: the defaults are a fine answer.
    return EMPTY_PREFS;
  }
}

export function useColumnPrefs(experimentId: string): [ColumnPrefs, (next: ColumnPrefs) => void] {
  const [state, setState] = useState(() => ({ experimentId, prefs: load(experimentId) }));
  const prefs = state.experimentId === experimentId ? state.prefs : load(experimentId);
  const save = useCallback(
    (next: ColumnPrefs) => {
      setState({ experimentId, prefs: next });
      try {
        window.localStorage.setItem(storageKey(experimentId), JSON.stringify(next));
      } catch {
        // Not persisted; the choice still holds for this page view.
      }
    },
    [experimentId],
  );
  return [prefs, save];
}
