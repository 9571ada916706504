// What the chart controls set for every chart of a page: x axis, log scale, smoothing.
import type { XAxisMode } from './x-axis.js';

export interface ChartSettings {
  xMode: XAxisMode;
  log: boolean;
  /** EMA weight in [0, 0.99]; 0 = raw. */
  smoothing: number;
}

export const DEFAULT_CHART_SETTINGS: ChartSettings = { xMode: 'step', log: false, smoothing: 0 };
