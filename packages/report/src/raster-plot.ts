import { axisScale, niceStep, project } from './axis-scale.js';
import { xAxis, yAxisAt } from './axes.js';
import { checkShape } from './check-shape.js';
import { px } from './format.js';
import { plotArea } from './plot-area.js';
import { chartSize, noDataChart, svgChart } from './svg-frame.js';
import { timeAxis } from './time-axis.js';
import type { ChartOptions } from './types.js';

/** Options of {@link rasterPlot}. */
export interface RasterPlotOptions extends ChartOptions {
  /** Spikes per step and neuron, steps x neurons in C order (count of neuron i at step t is `counts[t * neurons + i]`). */
  readonly counts: ArrayLike<number>;
  readonly steps: number;
  readonly neurons: number;
  /** Time step in seconds: the x axis is in ms (default: in steps). */
  readonly dt?: number;
  /** y axis title (default "neuron"). */
  readonly neuronLabel?: string;
}

/** Tick colours: one spike in a step, and more than one (darker, thicker). */
const ONE = '#0072B2';
const MANY = '#002b45';

/**
 * A spike raster: one vertical tick per (step, neuron) with spikes, neuron 0 on top, time
 * left to right; steps with more than one spike get a darker, thicker tick. Ticks are drawn
 * as two compact paths (one `M x y v h` per tick), so a raster of thousands of spikes stays
 * small. `data-marks` counts the ticks. No spikes at all renders "no data".
 */
export function rasterPlot(o: RasterPlotOptions): string {
  checkShape('rasterPlot', o.counts.length, [o.steps, o.neurons], ['steps', 'neurons']);
  let any = false;
  for (let i = 0; i < o.counts.length && !any; i++) any = o.counts[i] > 0;
  if (!any) return noDataChart('raster', o, 'no data (no spikes)');
  const { width, height } = chartSize(o);
  const { axis, unit } = timeAxis(o.steps, o.dt);
  const xs = axisScale(NaN, NaN, axis, Math.max(3, Math.round(width / 90)));
  const step = Math.max(1, Math.round(niceStep(Math.max(1, o.neurons - 1), Math.max(2, Math.round(height / 50)))));
  const rowTicks: number[] = [];
  for (let i = 0; i < o.neurons; i += step) rowTicks.push(i);
  const area = plotArea(width, height, { hasTitle: !!o.title, yTickLabels: rowTicks.map(String) });
  const band = (area.bottom - area.top) / o.neurons;
  const rowY = (i: number) => area.top + (i + 0.5) * band;
  const tickH = Math.max(1, band * 0.8);
  const colW = (area.right - area.left) / o.steps;
  let one = '';
  let many = '';
  let marks = 0;
  for (let t = 0; t < o.steps; t++) {
    const x = project(xs, (t + 0.5) * unit, area.left, area.right);
    for (let i = 0; i < o.neurons; i++) {
      const c = o.counts[t * o.neurons + i];
      if (!(c > 0) || !Number.isFinite(c)) continue;
      const tick = `M${px(x)} ${px(rowY(i) - tickH / 2)}v${px(tickH)}`;
      if (c > 1) many += tick;
      else one += tick;
      marks++;
    }
  }
  const w = Math.max(0.6, Math.min(1.6, colW * 0.6));
  const paths =
    (one ? `<path class="m" d="${one}" stroke="${ONE}" stroke-width="${px(w)}" fill="none"/>` : '') +
    (many ? `<path class="m" d="${many}" stroke="${MANY}" stroke-width="${px(Math.max(w * 1.8, 1.4))}" fill="none"/>` : '');
  const yAxisSvg = yAxisAt(area, rowTicks.map(rowY), rowTicks.map(String), o.neuronLabel ?? 'neuron', false);
  return svgChart('raster', marks, o.title, width, height, yAxisSvg + paths + xAxis(area, xs, axis.label));
}
