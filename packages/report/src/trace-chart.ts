import { drawLines } from './line-chart.js';
import { noDataChart } from './svg-frame.js';
import { timeAxis } from './time-axis.js';
import type { AxisOptions, ChartOptions, LineSeries } from './types.js';
import { checkShape } from './check-shape.js';

/** Options of {@link traceChart}. */
export interface TraceChartOptions extends ChartOptions {
  /** steps x traces values in C order (value of trace j at step t is `values[t * traces + j]`). */
  readonly values: ArrayLike<number>;
  readonly steps: number;
  readonly traces: number;
  /** Time step in seconds: the x axis is in ms (default: in steps). */
  readonly dt?: number;
  readonly y: AxisOptions;
  /** Names of the traces (e.g. "neuron 17"); with 10 or fewer, a legend shows them. */
  readonly labels?: readonly string[];
}

/**
 * Overlaid lines of `traces` signals over time, e.g. the filtered activity of sampled
 * neurons: trace j's value at step t is drawn at the end of step t. `data-marks` counts
 * the traces drawn. Thin lines in the colour-blind-safe palette.
 */
export function traceChart(o: TraceChartOptions): string {
  checkShape('traceChart', o.values.length, [o.steps, o.traces], ['steps', 'traces']);
  if (o.steps === 0 || o.traces === 0) return noDataChart('trace', o);
  const { axis, unit } = timeAxis(o.steps, o.dt);
  const x = Float64Array.from({ length: o.steps }, (_, t) => (t + 1) * unit);
  const series: LineSeries[] = [];
  for (let j = 0; j < o.traces; j++) {
    const y = new Float64Array(o.steps);
    for (let t = 0; t < o.steps; t++) y[t] = o.values[t * o.traces + j];
    series.push({ name: o.labels?.[j] ?? `trace ${j}`, x, y });
  }
  const legend = o.labels && o.traces <= 10 ? 'right' : 'none';
  return drawLines('trace', { ...o, series, x: axis, legend, strokeWidth: o.traces > 4 ? 1.2 : 1.6 });
}
