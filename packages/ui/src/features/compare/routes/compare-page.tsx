// The compare-runs page: a diff table of params and metrics, parallel coordinates, and a scatter of two values.
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Run } from '@mlflow-ts/protocol';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorBanner } from '../../../components/error-banner.js';
import { Loading } from '../../../components/loading.js';
import { PageHeader } from '../../../components/page-header.js';
import { useChartRuns } from '../../charts/hooks/use-chart-runs.js';
import { chartsPath, parseRunIds } from '../../charts/lib/chart-links.js';
import { runColor } from '../../charts/lib/run-colors.js';
import { compareDimensions, type Dimension } from '../lib/compare-values.js';
import { DiffTable, type DiffColumn } from '../components/diff-table.js';
import { ParallelCoordinates } from '../components/parallel-coordinates.js';
import { ScatterPlot } from '../components/scatter-plot.js';
import '../../charts/charts.css';
import '../compare.css';

const MAX_AXES = 6;

/** Parallel coordinates start on the values that differ (params first), at most six of them. */
function defaultAxes(dims: readonly Dimension[]): string[] {
  const differing = dims.filter((d) => d.differs);
  return (differing.length >= 2 ? differing : dims).slice(0, MAX_AXES).map((d) => d.id);
}

function DimensionSelect(props: {
  label: string;
  dims: readonly Dimension[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        className="select"
        aria-label={`Scatter ${props.label} axis`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.dims.map((d) => (
          <option key={d.id} value={d.id}>
            {d.kind === 'param' ? 'param' : 'metric'}: {d.key}
          </option>
        ))}
      </select>
    </label>
  );
}

function CompareBody({ runs, runIds }: { runs: Run[]; runIds: string[] }) {
  const dims = useMemo(() => compareDimensions(runs), [runs]);
  const columns: DiffColumn[] = runs.map((run, i) => ({
    runId: run.info.run_id,
    label: run.info.run_name || run.info.run_id.slice(0, 8),
    color: runColor(i),
  }));
  const [axes, setAxes] = useState<string[]>(() => defaultAxes(dims));
  const [xId, setXId] = useState(
    () => dims.find((d) => d.kind === 'param' && d.differs)?.id ?? dims[0]?.id ?? '',
  );
  const [yId, setYId] = useState(() => dims.find((d) => d.kind === 'metric')?.id ?? dims[1]?.id ?? '');
  if (dims.length === 0) {
    return <EmptyState title="Nothing to compare">These runs have no params or metrics.</EmptyState>;
  }
  const axisDims = axes
    .map((id) => dims.find((d) => d.id === id))
    .filter((d): d is Dimension => d !== undefined);
  const xDim = dims.find((d) => d.id === xId);
  const yDim = dims.find((d) => d.id === yId);
  return (
    <>
      <div className="compare-actions">
        <Link className="btn btn-small" to={chartsPath(runIds)}>
          Metric charts of these runs
        </Link>
      </div>
      <section className="compare-section">
        <h2>Parameters and metrics</h2>
        <DiffTable dims={dims} columns={columns} />
      </section>
      <section className="compare-section">
        <h2>Parallel coordinates</h2>
        <fieldset className="axes-picker">
          <legend>Axes</legend>
          {dims.map((d) => (
            <label key={d.id} className="axis-choice">
              <input
                type="checkbox"
                checked={axes.includes(d.id)}
                onChange={(e) =>
                  // Keep the table's order whatever the clicking order was.
                  setAxes(
                    dims
                      .map((x) => x.id)
                      .filter((id) => (id === d.id ? e.target.checked : axes.includes(id))),
                  )
                }
              />{' '}
              {d.key}
            </label>
          ))}
        </fieldset>
        <div className="plot-scroll">
          <ParallelCoordinates dims={axisDims} runs={columns} />
        </div>
      </section>
      <section className="compare-section">
        <h2>Scatter</h2>
        <div className="row">
          <DimensionSelect label="X" dims={dims} value={xId} onChange={setXId} />
          <DimensionSelect label="Y" dims={dims} value={yId} onChange={setYId} />
        </div>
        {xDim && yDim ? <ScatterPlot xDim={xDim} yDim={yDim} runs={columns} /> : null}
      </section>
    </>
  );
}

export function ComparePage() {
  const [params] = useSearchParams();
  const runIds = useMemo(() => parseRunIds(params.get('runs')), [params]);
  const results = useChartRuns(runIds);
  const stamp = results.map((r) => r.dataUpdatedAt).join(',');
  const runs = useMemo(() => results.flatMap((r) => (r.data ? [r.data] : [])), [stamp]);
  const failed = results.find((r) => r.isError);
  const header = (
    <PageHeader title="Compare runs" meta={runIds.length > 0 ? `${runIds.length} runs` : undefined} />
  );
  if (runIds.length === 0) {
    return (
      <div className="page compare-page">
        {header}
        <EmptyState title="No runs chosen">
          Select two or more runs in an experiment&apos;s run table and choose “Compare”.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page compare-page">
      {header}
      {failed ? (
        <ErrorBanner error={failed.error} title="Could not load the runs" />
      ) : results.some((r) => r.isPending) ? (
        <Loading label="Loading runs…" />
      ) : (
        <CompareBody key={stamp} runs={runs} runIds={runIds} />
      )}
    </div>
  );
}
