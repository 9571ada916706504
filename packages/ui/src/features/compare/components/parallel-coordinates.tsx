// A small SVG parallel-coordinates plot: one vertical axis per chosen dimension, one line per run.
import { axisScale } from '../lib/axis-scale.js';
import type { Dimension } from '../lib/compare-values.js';
import type { DiffColumn } from './diff-table.js';

const HEIGHT = 260;
const PAD = { top: 28, bottom: 24, side: 60 };
const SPACING = 140;

export function ParallelCoordinates({
  dims,
  runs,
}: {
  dims: readonly Dimension[];
  runs: readonly DiffColumn[];
}) {
  if (dims.length < 2) {
    return <p className="chart-note">Choose at least two values to draw parallel coordinates.</p>;
  }
  const width = PAD.side * 2 + SPACING * (dims.length - 1);
  const scales = dims.map(axisScale);
  const x = (i: number) => PAD.side + i * SPACING;
  const y = (p: number) => PAD.top + (1 - p) * (HEIGHT - PAD.top - PAD.bottom);
  return (
    <svg
      className="parallel-coordinates"
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-label="Parallel coordinates"
    >
      {runs.map((run, r) => {
        // A run missing a value skips that axis: its line runs on between the axes it has.
        let d = '';
        dims.forEach((dim, i) => {
          const p = scales[i]?.position(dim.values[r]);
          if (p !== undefined) d += `${d ? 'L' : 'M'}${x(i)},${y(p)}`;
        });
        return (
          <path key={run.runId} d={d} fill="none" stroke={run.color} strokeWidth={2} opacity={0.85}>
            <title>{run.label}</title>
          </path>
        );
      })}
      {dims.map((d, i) => (
        <g key={d.id} transform={`translate(${x(i)},0)`}>
          <line y1={y(0)} y2={y(1)} stroke="currentColor" opacity={0.5} />
          <text y={PAD.top - 12} textAnchor="middle" className="axis-title">
            {d.key}
          </text>
          {scales[i]?.ticks.map((t) => (
            <text key={`${t.at}:${t.label}`} x={-6} y={y(t.at) + 4} textAnchor="end" className="axis-tick">
              {t.label}
            </text>
          ))}
        </g>
      ))}
    </svg>
  );
}
