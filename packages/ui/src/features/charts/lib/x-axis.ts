// The chart x axes: step, wall-clock time, or time since the run's first point.
export type XAxisMode = 'step' | 'wall' | 'relative';

export const X_AXIS_LABELS: Readonly<Record<XAxisMode, string>> = {
  step: 'Step',
  wall: 'Time',
  relative: 'Relative time (s)',
};

/** A point as the charts see it: its step and its wall-clock timestamp in milliseconds. */
export interface StepTime {
  step: number;
  timestamp: number;
}

/**
 * The x value of a point. uPlot's time scale counts seconds, so wall time is in seconds since the
 * epoch; relative time is seconds since `originMs` (the run's first logged point).
 */
export function xValue(point: StepTime, mode: XAxisMode, originMs: number): number {
  if (mode === 'step') return point.step;
  if (mode === 'wall') return point.timestamp / 1000;
  return (point.timestamp - originMs) / 1000;
}
