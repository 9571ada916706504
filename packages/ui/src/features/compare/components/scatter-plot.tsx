// An SVG scatter of two chosen values across runs, one labelled dot per run.
import { axisScale } from '../lib/axis-scale.js';
import type { Dimension } from '../lib/compare-values.js';
import type { DiffColumn } from './diff-table.js';

const SIZE = { width: 420, height: 300 };
const PAD = { left: 64, right: 16, top: 16, bottom: 44 };

export function ScatterPlot({
  xDim,
  yDim,
  runs,
}: {
  xDim: Dimension;
  yDim: Dimension;
  runs: readonly DiffColumn[];
}) {
  const sx = axisScale(xDim);
  const sy = axisScale(yDim);
  const px = (p: number) => PAD.left + p * (SIZE.width - PAD.left - PAD.right);
  const py = (p: number) => PAD.top + (1 - p) * (SIZE.height - PAD.top - PAD.bottom);
  const dots = runs.flatMap((run, r) => {
    const a = sx.position(xDim.values[r]);
    const b = sy.position(yDim.values[r]);
    return a === undefined || b === undefined ? [] : [{ run, cx: px(a), cy: py(b) }];
  });
  return (
    <svg
      className="scatter-plot"
      width={SIZE.width}
      height={SIZE.height}
      viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
      role="img"
      aria-label={`${yDim.key} against ${xDim.key}`}
      data-dots={dots.length}
    >
      <line x1={px(0)} x2={px(1)} y1={py(0)} y2={py(0)} stroke="currentColor" opacity={0.5} />
      <line x1={px(0)} x2={px(0)} y1={py(0)} y2={py(1)} stroke="currentColor" opacity={0.5} />
      {sx.ticks.map((t) => (
        <text
          key={`x${t.at}:${t.label}`}
          x={px(t.at)}
          y={py(0) + 16}
          textAnchor="middle"
          className="axis-tick"
        >
          {t.label}
        </text>
      ))}
      {sy.ticks.map((t) => (
        <text
          key={`y${t.at}:${t.label}`}
          x={px(0) - 6}
          y={py(t.at) + 4}
          textAnchor="end"
          className="axis-tick"
        >
          {t.label}
        </text>
      ))}
      <text x={(px(0) + px(1)) / 2} y={SIZE.height - 6} textAnchor="middle" className="axis-title">
        {xDim.key}
      </text>
      <text
        transform={`translate(14,${(py(0) + py(1)) / 2}) rotate(-90)`}
        textAnchor="middle"
        className="axis-title"
      >
        {yDim.key}
      </text>
      {dots.map(({ run, cx, cy }) => (
        <circle key={run.runId} cx={cx} cy={cy} r={5} fill={run.color}>
          <title>{run.label}</title>
        </circle>
      ))}
    </svg>
  );
}
