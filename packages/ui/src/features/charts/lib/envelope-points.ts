// Turns a run's metric envelope (step buckets) into the points one chart line and its min/max band draw.
import type { MetricEnvelope } from '@mlflow-ts/protocol';
import { xValue, type XAxisMode } from './x-axis.js';

/** One drawn point: the line goes through y, the band spans lo..hi (the bucket's extremes). */
export interface EnvelopePoint {
  x: number;
  y: number | null;
  lo: number | null;
  hi: number | null;
}

/**
 * MLflow stores ±Infinity as ±max double and NaN as a flag; neither can be drawn, so both become
 * gaps instead of flattening every other value against the axis.
 */
export function drawable(v: number): number | null {
  return Number.isFinite(v) && Math.abs(v) < Number.MAX_VALUE ? v : null;
}

/**
 * Each bucket gives its first point and, when it spans several steps, its last one: at most two
 * points per bucket, exact at every bucket edge, with the bucket's min/max band at both. The
 * points are sorted by x, since wall-clock time need not grow with the step.
 */
export function envelopePoints(envelope: MetricEnvelope, mode: XAxisMode): EnvelopePoint[] {
  const buckets = envelope.buckets ?? [];
  const origin = buckets.reduce((min, b) => Math.min(min, b.first_timestamp), Number.POSITIVE_INFINITY);
  const out: EnvelopePoint[] = [];
  for (const b of buckets) {
    const lo = drawable(b.min_value);
    const hi = drawable(b.max_value);
    out.push({
      x: xValue({ step: b.step_start, timestamp: b.first_timestamp }, mode, origin),
      y: drawable(b.first_value),
      lo,
      hi,
    });
    if (b.step_end !== b.step_start) {
      out.push({
        x: xValue({ step: b.step_end, timestamp: b.last_timestamp }, mode, origin),
        y: drawable(b.last_value),
        lo,
        hi,
      });
    }
  }
  if (mode !== 'step') out.sort((a, b) => a.x - b.x);
  return out;
}
