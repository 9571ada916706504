// The metric charts page: every metric of one or many runs, each chart mounted only near the viewport.
import { useMemo, useState } from 'react';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorBanner } from '../../../components/error-banner.js';
import { Loading } from '../../../components/loading.js';
import { PageHeader } from '../../../components/page-header.js';
import { useSearchParams } from 'react-router';
import { useChartRuns } from '../hooks/use-chart-runs.js';
import { isLive } from '../hooks/chart-runs-query.js';
import { parseRunIds } from '../lib/chart-links.js';
import { DEFAULT_CHART_SETTINGS, type ChartSettings } from '../lib/chart-settings.js';
import { filterKeys, metricKeysOf } from '../lib/metric-keys.js';
import { runColor } from '../lib/run-colors.js';
import '../charts.css';
import { ChartControls } from '../components/chart-controls.js';
import { LazyMount } from '../components/lazy-mount.js';
import { CHART_HEIGHT, MetricChartCard, type ChartRun } from '../components/metric-chart-card.js';

export function ChartsPage() {
  const [params] = useSearchParams();
  const runIds = useMemo(() => parseRunIds(params.get('runs')), [params]);
  const [settings, setSettings] = useState<ChartSettings>(DEFAULT_CHART_SETTINGS);
  const [filter, setFilter] = useState(params.get('metric') ?? '');
  const results = useChartRuns(runIds);
  // useQueries hands out a new array each render; the update stamps say when data really changed.
  const stamp = results.map((r) => r.dataUpdatedAt).join(',');
  const loadedRuns = useMemo(() => results.map((r) => r.data), [stamp]);
  const chartRuns: ChartRun[] = useMemo(
    () =>
      runIds.map((runId, i) => {
        const run = loadedRuns[i];
        return { runId, label: run?.info.run_name || runId.slice(0, 8), color: runColor(i) };
      }),
    [runIds, loadedRuns],
  );
  const keys = useMemo(() => metricKeysOf(loadedRuns), [loadedRuns]);
  const shownKeys = useMemo(() => filterKeys(keys, filter), [keys, filter]);
  const live = loadedRuns.some(isLive);
  const failed = results.find((r) => r.isError);

  if (runIds.length === 0) {
    return (
      <div className="page charts-page">
        <PageHeader title="Metric charts" />
        <EmptyState title="No runs chosen">
          Select runs in an experiment&apos;s run table and choose “Chart”, or open a run and follow “Charts”.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page charts-page">
      <PageHeader title="Metric charts" meta={`${runIds.length} run${runIds.length === 1 ? '' : 's'}`} />
      <ul className="chart-legend" aria-label="Runs">
        {chartRuns.map((r, i) => (
          <li key={r.runId}>
            <span className="swatch" style={{ background: r.color }} /> {r.label}
            {isLive(loadedRuns[i]) ? <span className="badge badge-RUNNING">running</span> : null}
          </li>
        ))}
      </ul>
      {failed ? (
        <ErrorBanner error={failed.error} title="Could not load the runs" />
      ) : results.some((r) => r.isPending) ? (
        <Loading label="Loading runs…" />
      ) : keys.length === 0 ? (
        <EmptyState title="No metrics">These runs have logged no metrics yet.</EmptyState>
      ) : (
        <>
          <ChartControls
            settings={settings}
            onChange={setSettings}
            filter={filter}
            onFilter={setFilter}
            shown={shownKeys.length}
            total={keys.length}
          />
          <div className="chart-grid">
            {shownKeys.map((key) => (
              <LazyMount
                key={key}
                height={CHART_HEIGHT + 48}
                className="chart-slot"
                placeholder={<div className="chart-placeholder">{key}</div>}
              >
                <MetricChartCard metricKey={key} runs={chartRuns} settings={settings} live={live} />
              </LazyMount>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
