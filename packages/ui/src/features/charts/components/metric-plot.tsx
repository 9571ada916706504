// One uPlot line chart: a line per run with its min/max band, sized to its box, with step-range zoom.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { drawnPoints, type Columns } from '../lib/aligned-data.js';
import { X_AXIS_LABELS, type XAxisMode } from '../lib/x-axis.js';

export interface PlotRun {
  label: string;
  color: string;
}

export interface MetricPlotProps {
  title: string;
  columns: Columns;
  runs: readonly PlotRun[];
  xMode: XAxisMode;
  log: boolean;
  height: number;
  /** Called with the selected x range; in step mode the card re-reads that window in detail. */
  onZoom?: (start: number, end: number) => void;
  /** Double-click: back to the whole history. */
  onReset?: () => void;
}

/** A colour with alpha (#rrggbbaa), for the band and its edges under a run's line. */
function withAlpha(color: string, alpha: string): string {
  return color.startsWith('#') && color.length === 7 ? `${color}${alpha}` : color;
}

/**
 * Per run: the line, then the band's low and high edges. The edges get a faint 1 px stroke of
 * their own: a spike one bucket wide is a sliver under a pixel, which a translucent fill alone
 * leaves invisible, while a stroked edge always reaches the peak.
 */
function seriesOf(runs: readonly PlotRun[]): uPlot.Series[] {
  const series: uPlot.Series[] = [{}];
  for (const run of runs) {
    // uPlot's default shows point markers only where points are sparse (a lone point included).
    series.push({ label: run.label, stroke: run.color, width: 1.5, spanGaps: true });
    const edge = withAlpha(run.color, '80');
    series.push({
      label: `${run.label} min`,
      stroke: edge,
      width: 1,
      spanGaps: true,
      points: { show: false },
    });
    series.push({
      label: `${run.label} max`,
      stroke: edge,
      width: 1,
      spanGaps: true,
      points: { show: false },
    });
  }
  return series;
}

function bandsOf(runs: readonly PlotRun[]): uPlot.Band[] {
  return runs.map((run, i) => ({
    series: [3 * i + 3, 3 * i + 2] as [number, number],
    fill: withAlpha(run.color, '26'),
  }));
}

const formatY = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(5));

function formatX(x: number, mode: XAxisMode): string {
  if (mode === 'wall') return new Date(x * 1000).toLocaleString();
  if (mode === 'relative') return `${x.toFixed(1)} s`;
  return `step ${x}`;
}

/** The index of the non-null value closest to `i` (a few hundred columns away at most). */
function nearestPoint(
  column: ArrayLike<number | null | undefined> | undefined,
  i: number,
): number | undefined {
  if (!column) return undefined;
  for (let d = 0; d < 256; d++) {
    if (column[i - d] !== null && column[i - d] !== undefined && i - d >= 0) return i - d;
    if (column[i + d] !== null && column[i + d] !== undefined && i + d < column.length) return i + d;
  }
  return undefined;
}

/** "step 1200 · alpha 0.31 (0.12–0.94) · beta 0.29": each run's line value and its band under the cursor. */
function readoutText(u: uPlot, runs: readonly PlotRun[], mode: XAxisMode): string {
  const i = u.cursor.idx;
  if (i === null || i === undefined) return '';
  const x = u.data[0]?.[i];
  if (x === undefined || x === null) return '';
  const parts = [formatX(x, mode)];
  runs.forEach((run, r) => {
    // Runs share one x column, so the run may have no point exactly here: take its nearest one.
    const j = nearestPoint(u.data[1 + 3 * r], i);
    if (j === undefined) return;
    const y = u.data[1 + 3 * r]?.[j];
    const lo = u.data[2 + 3 * r]?.[j];
    const hi = u.data[3 + 3 * r]?.[j];
    if (y === null || y === undefined) return;
    const band = lo !== null && lo !== undefined && hi !== null && hi !== undefined && lo !== hi;
    parts.push(`${run.label} ${formatY(y)}${band ? ` (${formatY(lo)}–${formatY(hi)})` : ''}`);
  });
  return parts.join(' · ');
}

/**
 * uPlot is imperative: it is created once per option change and fed new columns on data
 * change. The box records how many points were drawn and when the first draw happened
 * (data-points, data-first-draw-ms) for the e2e tests and the chart benchmark.
 */
export function MetricPlot({ title, columns, runs, xMode, log, height, onZoom, onReset }: MetricPlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const callbacks = useRef({ onZoom, onReset });
  callbacks.current = { onZoom, onReset };
  const runKey = runs.map((r) => `${r.label}\u0000${r.color}`).join('\u0001');

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const zoomByData = xMode === 'step';
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 200),
      height,
      title: undefined,
      legend: { show: false },
      scales: {
        x: { time: xMode === 'wall' },
        y: log ? { distr: 3 } : {},
      },
      axes: [{ label: X_AXIS_LABELS[xMode], size: 40 }, { size: 60 }],
      series: seriesOf(runs),
      bands: bandsOf(runs),
      cursor: { drag: { x: true, y: false, setScale: !zoomByData } },
      hooks: {
        // Written straight into the DOM: a React state update per mouse move would re-render the card.
        setCursor: [
          (u) => {
            const out = readout.current;
            if (out) out.textContent = readoutText(u, runs, xMode);
          },
        ],
        draw: [
          (u) => {
            if (!element.dataset.firstDrawMs)
              element.dataset.firstDrawMs = String(Math.round(performance.now()));
            element.dataset.points = String(drawnPoints(u.data as unknown as Columns));
            // The drawn ranges (canvas text cannot be read back), e.g. to check a spike is in view.
            element.dataset.xMax = String(u.scales.x?.max ?? '');
            element.dataset.yMax = String(u.scales.y?.max ?? '');
          },
        ],
        setSelect: [
          (u) => {
            if (!zoomByData || u.select.width < 2) return;
            const start = u.posToVal(u.select.left, 'x');
            const end = u.posToVal(u.select.left + u.select.width, 'x');
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            callbacks.current.onZoom?.(start, end);
          },
        ],
      },
    };
    const chart = new uPlot(options, columns as uPlot.AlignedData, element);
    plot.current = chart;
    const reset = (): void => callbacks.current.onReset?.();
    element.addEventListener('dblclick', reset);
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(element.clientWidth, 200), height }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      element.removeEventListener('dblclick', reset);
      chart.destroy();
      plot.current = null;
    };
    // Columns are fed by the effect below (re-creating on every poll would flicker); runKey
    // stands for `runs`, whose array identity changes on every render.
  }, [xMode, log, height, runKey]);

  useEffect(() => {
    plot.current?.setData(columns as uPlot.AlignedData);
  }, [columns]);

  return (
    <>
      <div ref={box} className="metric-plot" aria-label={`${title} chart`} role="img" />
      <div ref={readout} className="chart-readout" aria-live="off" />
    </>
  );
}
