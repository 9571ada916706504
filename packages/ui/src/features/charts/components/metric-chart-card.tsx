// One metric's chart card: reads the envelopes of every run, draws them, zooms into step ranges.
import { useMemo, useState } from 'react';
import { ErrorBanner } from '../../../components/error-banner.js';
import { Loading } from '../../../components/loading.js';
import { alignRuns } from '../lib/aligned-data.js';
import type { ChartSettings } from '../lib/chart-settings.js';
import { smoothEma } from '../lib/ema-smoothing.js';
import { envelopePoints } from '../lib/envelope-points.js';
import type { StepWindow } from '../hooks/metric-envelope-query.js';
import { useMetricEnvelopes } from '../hooks/use-metric-envelopes.js';
import { MetricPlot, type PlotRun } from './metric-plot.js';

export const CHART_HEIGHT = 220;

export interface ChartRun extends PlotRun {
  runId: string;
}

export interface MetricChartCardProps {
  metricKey: string;
  runs: readonly ChartRun[];
  settings: ChartSettings;
  /** Poll while any run is still logging. */
  live: boolean;
}

export function MetricChartCard({ metricKey, runs, settings, live }: MetricChartCardProps) {
  const [window, setWindow] = useState<StepWindow | undefined>(undefined);
  const runIds = useMemo(() => runs.map((r) => r.runId), [runs]);
  const query = useMetricEnvelopes(runIds, metricKey, live, window);
  const columns = useMemo(() => {
    const byRun = new Map((query.data ?? []).map((e) => [e.run_id, e]));
    const points = runIds.map((id) => {
      const envelope = byRun.get(id);
      return envelope ? envelopePoints(envelope, settings.xMode) : [];
    });
    return alignRuns(points, { log: settings.log, smooth: (ys) => smoothEma(ys, settings.smoothing) });
  }, [query.data, runIds, settings]);
  const empty = columns[0].length === 0;

  return (
    <section className="chart-card" data-metric-key={metricKey}>
      <header className="chart-card-header">
        <h3 title={metricKey}>{metricKey}</h3>
        {window ? (
          <button type="button" className="btn btn-link btn-small" onClick={() => setWindow(undefined)}>
            Steps {Math.ceil(window.start)}–{Math.floor(window.end)} · show all
          </button>
        ) : null}
      </header>
      {query.isError ? (
        <ErrorBanner error={query.error} title={`Could not load ${metricKey}`} />
      ) : query.isPending ? (
        <Loading height={CHART_HEIGHT} />
      ) : empty ? (
        <p className="chart-note">No drawable points{settings.log ? ' above zero (log scale)' : ''}.</p>
      ) : (
        <MetricPlot
          title={metricKey}
          columns={columns}
          runs={runs}
          xMode={settings.xMode}
          log={settings.log}
          height={CHART_HEIGHT}
          onZoom={(start, end) => {
            // A drag between two neighbouring steps holds no whole step to read.
            if (Math.floor(end) >= Math.ceil(start)) setWindow({ start, end });
          }}
          onReset={() => setWindow(undefined)}
        />
      )}
    </section>
  );
}
