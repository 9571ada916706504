// Column chooser: show or hide attributes, params and tags, and pick last / min / max per metric.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  ATTRIBUTE_COLUMNS,
  metricColumn,
  paramColumn,
  tagColumn,
  toggleColumn,
  type ColumnPrefs,
  type MetricAggregate,
  visibleColumns,
} from '../lib/columns.js';
import type { RunKeys } from '../lib/run-row.js';

const AGGREGATES: readonly MetricAggregate[] = ['last', 'min', 'max'];

/** Keys listed per group before the filter box is needed: the panel stays instant with thousands of keys. */
const LIST_LIMIT = 200;

function capped(keys: string[]): string[] {
  return keys.length > LIST_LIMIT ? keys.slice(0, LIST_LIMIT) : keys;
}

function More({ total }: { total: number }) {
  return total > LIST_LIMIT ? (
    <div className="faint">
      {(total - LIST_LIMIT).toLocaleString()} more — type in the filter box to find them
    </div>
  ) : null;
}

export interface ColumnChooserProps {
  readonly keys: RunKeys;
  readonly prefs: ColumnPrefs;
  readonly onChange: (next: ColumnPrefs) => void;
  readonly onClose: () => void;
}

export function ColumnChooser({ keys, prefs, onChange, onClose }: ColumnChooserProps) {
  const [search, setSearch] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  const match = (k: string) => k.toLowerCase().includes(search.trim().toLowerCase());
  // One set for every checkbox: thousands of keys must not mean thousands of scans of the defaults.
  const visible = useMemo(() => new Set(visibleColumns(keys, prefs).map((c) => c.id)), [keys, prefs]);
  const check = (id: string, label: string, text?: string) => (
    <label key={id}>
      <input
        type="checkbox"
        checked={visible.has(id)}
        onChange={(e) => onChange(toggleColumn(prefs, keys, id, e.target.checked))}
        aria-label={label}
      />
      {text}
    </label>
  );
  return (
    <div
      className="column-chooser"
      ref={ref}
      role="dialog"
      aria-label="Choose columns"
      data-testid="column-chooser"
    >
      <div className="card-header">
        <input
          className="input"
          style={{ flex: 1 }}
          placeholder="Filter keys"
          autoFocus
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button className="btn btn-small" onClick={() => onChange({ hidden: [], added: [] })}>
          Reset
        </button>
      </div>
      <div className="column-chooser-list">
        <h3>Attributes</h3>
        {ATTRIBUTE_COLUMNS.filter((c) => match(c.label)).map((c) => (
          <div className="column-chooser-item" key={c.id}>
            <span className="key">{c.label}</span>
            {check(c.id, `Show ${c.label}`)}
          </div>
        ))}
        <h3>Metrics</h3>
        {capped(keys.metrics.filter(match)).map((k) => (
          <div className="column-chooser-item" key={k}>
            <span className="key mono" title={k}>
              {k}
            </span>
            {AGGREGATES.map((a) => check(metricColumn(k, a).id, `${k} ${a}`, a))}
          </div>
        ))}
        <More total={keys.metrics.filter(match).length} />
        {keys.metrics.length === 0 ? <div className="faint">No metrics logged yet</div> : null}
        <h3>Parameters</h3>
        {capped(keys.params.filter(match)).map((k) => (
          <div className="column-chooser-item" key={k}>
            <span className="key mono" title={k}>
              {k}
            </span>
            {check(paramColumn(k).id, `Show param ${k}`)}
          </div>
        ))}
        <More total={keys.params.filter(match).length} />
        {keys.params.length === 0 ? <div className="faint">No parameters logged yet</div> : null}
        <h3>Tags</h3>
        {capped(keys.tags.filter(match)).map((k) => (
          <div className="column-chooser-item" key={k}>
            <span className="key mono" title={k}>
              {k}
            </span>
            {check(tagColumn(k).id, `Show tag ${k}`)}
          </div>
        ))}
        <More total={keys.tags.filter(match).length} />
      </div>
    </div>
  );
}
