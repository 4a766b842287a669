import { axisScale, finiteRange, project } from './axis-scale.js';
import { xAxis, yAxis } from './axes.js';
import { px } from './format.js';
import { PALETTE } from './palette.js';
import { plotArea } from './plot-area.js';
import { chartSize, noDataChart, svgChart } from './svg-frame.js';
import type { AxisOptions, ChartOptions } from './types.js';

/** Options of {@link histogram}. */
export interface HistogramOptions extends ChartOptions {
  readonly values: ArrayLike<number>;
  /** Number of equal-width bins (default 20; log-spaced on a log x axis). */
  readonly bins?: number;
  readonly x: AxisOptions;
  /** Count axis (default label "count"); `log: true` skips empty bins. */
  readonly y?: AxisOptions;
  /** Values outside [lo, hi] are not counted (default: the finite values' range widened to nice axis bounds). */
  readonly range?: [number, number];
  /** Bar colour (default the palette's first). */
  readonly color?: string;
}

/** Counts of `values` in `bins` bins between edges lo and hi (linear or log-spaced); NaN and out-of-range values are skipped. */
export function binCounts(values: ArrayLike<number>, bins: number, lo: number, hi: number, log: boolean): Float64Array {
  const counts = new Float64Array(bins);
  const a = log ? Math.log10(lo) : lo;
  const span = (log ? Math.log10(hi) : hi) - a;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v < lo || v > hi || (log && v <= 0)) continue;
    const f = span > 0 ? ((log ? Math.log10(v) : v) - a) / span : 0.5;
    counts[Math.min(bins - 1, Math.floor(f * bins))]++;
  }
  return counts;
}

/**
 * A histogram of `values` (e.g. firing rates of a layer's neurons): y is the count per
 * bin. `data-marks` counts the non-empty bins drawn. No finite value (positive on a log x
 * axis) renders "no data".
 */
export function histogram(o: HistogramOptions): string {
  const xLog = !!o.x.log;
  const given = o.range !== undefined && o.range.every(Number.isFinite);
  const [d0, d1] = given ? [Math.min(...o.range!), Math.max(...o.range!)] : finiteRange(o.values, xLog);
  if (!Number.isFinite(d0) || (xLog && !(d1 > 0))) return noDataChart('histogram', o);
  // without a given range, bins span the axis's nice bounds (e.g. 0..100 Hz in 5 Hz bins)
  const nice = axisScale(d0, d1, o.x, 5);
  let [lo, hi] = given ? [d0, d1] : [nice.lo, nice.hi];
  if (xLog && lo <= 0) lo = nice.lo;
  if (hi === lo) [lo, hi] = xLog ? [lo / 2, hi * 2] : [lo - 0.5, hi + 0.5];
  const bins = Math.max(1, Math.floor(o.bins ?? 20));
  const counts = binCounts(o.values, bins, lo, hi, xLog);
  const top = Math.max(...counts);
  if (!(top > 0)) return noDataChart('histogram', o);
  const { width, height } = chartSize(o);
  const yOpt = { label: 'count', ...o.y };
  const xs = axisScale(lo, hi, { ...o.x, min: o.x.min ?? lo, max: o.x.max ?? hi }, Math.max(3, Math.round(width / 90)));
  const ys = axisScale(yOpt.log ? 1 : 0, top, { ...yOpt, min: yOpt.min ?? (yOpt.log ? undefined : 0) }, Math.max(3, Math.round(height / 60)));
  const area = plotArea(width, height, { hasTitle: !!o.title, yTickLabels: ys.labels });
  const edge = (k: number) => (xLog ? 10 ** (Math.log10(lo) + ((Math.log10(hi) - Math.log10(lo)) * k) / bins) : lo + ((hi - lo) * k) / bins);
  let bars = '';
  let marks = 0;
  for (let k = 0; k < bins; k++) {
    if (!(counts[k] > 0)) continue;
    const x0 = project(xs, edge(k), area.left, area.right);
    const x1 = project(xs, edge(k + 1), area.left, area.right);
    const y = project(ys, counts[k], area.bottom, area.top);
    const base = ys.log ? area.bottom : project(ys, 0, area.bottom, area.top);
    if (!(Math.abs(x1 - x0) > 0) || !Number.isFinite(y)) continue;
    bars += `<rect class="m" x="${px(x0)}" y="${px(Math.min(y, base))}" width="${px(Math.max(0.5, x1 - x0 - 0.5))}" height="${px(Math.max(0.5, Math.abs(base - y)))}"/>`;
    marks++;
  }
  const body = yAxis(area, ys, yOpt.label) + `<g fill="${o.color ?? PALETTE[0]}">${bars}</g>` + xAxis(area, xs, o.x.label);
  return svgChart('histogram', marks, o.title, width, height, body);
}
