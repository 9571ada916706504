// The params/metrics table of the compare page: one column per run, differing rows highlighted.
import { useState } from 'react';
import { formatValue, type Dimension } from '../lib/compare-values.js';

export interface DiffColumn {
  runId: string;
  label: string;
  color: string;
}

export function DiffTable({ dims, columns }: { dims: readonly Dimension[]; columns: readonly DiffColumn[] }) {
  const [onlyDiffs, setOnlyDiffs] = useState(false);
  const shown = onlyDiffs ? dims.filter((d) => d.differs) : dims;
  const differing = dims.filter((d) => d.differs).length;
  const section = (kind: Dimension['kind'], title: string) => {
    const rows = shown.filter((d) => d.kind === kind);
    if (rows.length === 0) return null;
    return (
      <tbody>
        <tr className="diff-section">
          <th colSpan={columns.length + 1}>{title}</th>
        </tr>
        {rows.map((d) => (
          <tr key={d.id} className={d.differs ? 'diff-row differs' : 'diff-row'} data-differs={d.differs}>
            <th scope="row" className="mono">
              {d.key}
            </th>
            {d.values.map((v, i) => (
              <td key={columns[i]?.runId ?? i} className={typeof v === 'number' ? 'num' : undefined}>
                {formatValue(v)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    );
  };
  return (
    <div className="diff-table-wrap">
      <label className="diff-toggle">
        <input type="checkbox" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} /> Only
        rows that differ ({differing} of {dims.length})
      </label>
      <table className="table diff-table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            {columns.map((c) => (
              <th key={c.runId} scope="col">
                <span className="swatch" style={{ background: c.color }} /> {c.label}
              </th>
            ))}
          </tr>
        </thead>
        {section('param', 'Parameters')}
        {section('metric', 'Metrics (latest value)')}
      </table>
    </div>
  );
}
