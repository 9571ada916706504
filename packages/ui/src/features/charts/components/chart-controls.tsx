// The controls shared by every chart of a page: x axis, log scale, smoothing, metric filter.
import type { ChartSettings } from '../lib/chart-settings.js';
import { X_AXIS_LABELS, type XAxisMode } from '../lib/x-axis.js';

export interface ChartControlsProps {
  settings: ChartSettings;
  onChange: (settings: ChartSettings) => void;
  filter: string;
  onFilter: (filter: string) => void;
  /** "12 of 3,400 metrics" */
  shown: number;
  total: number;
}

const MODES = Object.keys(X_AXIS_LABELS) as XAxisMode[];

export function ChartControls({ settings, onChange, filter, onFilter, shown, total }: ChartControlsProps) {
  return (
    <div className="chart-controls" role="toolbar" aria-label="Chart settings">
      <label>
        Filter metrics{' '}
        <input
          type="search"
          value={filter}
          placeholder="e.g. loss"
          onChange={(e) => onFilter(e.target.value)}
        />
      </label>
      <span className="chart-count">
        {shown.toLocaleString()} of {total.toLocaleString()} metrics
      </span>
      <label>
        X axis{' '}
        <select
          value={settings.xMode}
          onChange={(e) => onChange({ ...settings, xMode: e.target.value as XAxisMode })}
        >
          {MODES.map((m) => (
            <option key={m} value={m}>
              {X_AXIS_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.log}
          onChange={(e) => onChange({ ...settings, log: e.target.checked })}
        />{' '}
        Log scale
      </label>
      <label>
        Smoothing{' '}
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={settings.smoothing}
          onChange={(e) => onChange({ ...settings, smoothing: Number(e.target.value) })}
        />{' '}
        <output>{settings.smoothing.toFixed(2)}</output>
      </label>
    </div>
  );
}
