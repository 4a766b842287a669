import { axisScale, finiteRange, project, type AxisScale } from './axis-scale.js';
import { xAxis, yAxis } from './axes.js';
import { px } from './format.js';
import { bottomLegend, bottomLegendHeight, legendWidth, rightLegend, type LegendEntry } from './legend.js';
import { seriesColor } from './palette.js';
import { plotArea, type PlotArea } from './plot-area.js';
import { chartSize, FONT_SIZE, noDataChart, svgChart } from './svg-frame.js';
import type { AxisOptions, ChartOptions, LineSeries, PlotKind } from './types.js';

/** Options of {@link lineChart}. */
export interface LineChartOptions extends ChartOptions {
  readonly series: readonly LineSeries[];
  readonly x: AxisOptions;
  readonly y: AxisOptions;
  /** Where the legend goes (default `right` for two or more series, `none` for one). */
  readonly legend?: 'right' | 'bottom' | 'none';
  /** Stroke width of the lines (px, default 2). */
  readonly strokeWidth?: number;
}

/** The points of a series usable on the axes: finite, and positive on log axes. */
function usable(s: LineSeries, xLog: boolean, yLog: boolean, i: number): boolean {
  const x = s.x[i];
  const y = s.y[i];
  return Number.isFinite(x) && Number.isFinite(y) && (!xLog || x > 0) && (!yLog || y > 0);
}

function dataRange(series: readonly LineSeries[], pick: 'x' | 'y', o: LineChartOptions): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const n = Math.min(s.x.length, s.y.length);
    for (let i = 0; i < n; i++) {
      if (!usable(s, !!o.x.log, !!o.y.log, i)) continue;
      const v = s[pick][i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : finiteRange([]);
}

/** The path of one series: a new sub-path after every gap (non-finite or skipped point). */
function seriesPath(s: LineSeries, xs: AxisScale, ys: AxisScale, area: PlotArea, o: LineChartOptions): { d: string; points: number; first: string } {
  let d = '';
  let first = '';
  let pen = false;
  let points = 0;
  const n = Math.min(s.x.length, s.y.length);
  for (let i = 0; i < n; i++) {
    if (!usable(s, !!o.x.log, !!o.y.log, i)) {
      pen = false;
      continue;
    }
    const x = project(xs, s.x[i], area.left, area.right);
    const y = project(ys, s.y[i], area.bottom, area.top);
    if (!first) first = `cx="${px(x)}" cy="${px(y)}"`;
    d += `${pen ? 'L' : 'M'}${px(x)} ${px(y)}`;
    pen = true;
    points++;
  }
  return { d, points, first };
}

/**
 * The line chart behind {@link lineChart} and the trace chart: `kind` goes into `data-plot`.
 * A series with a single point is drawn as a dot so that it stays visible.
 */
export function drawLines(kind: PlotKind, o: LineChartOptions): string {
  const [x0, x1] = dataRange(o.series, 'x', o);
  const [y0, y1] = dataRange(o.series, 'y', o);
  if (!Number.isFinite(x0)) return noDataChart(kind, o);
  const { width, height } = chartSize(o);
  const xs = axisScale(x0, x1, o.x, Math.max(3, Math.round(width / 90)));
  const ys = axisScale(y0, y1, o.y, Math.max(3, Math.round(height / 60)));
  const entries: LegendEntry[] = o.series.map((s, i) => ({ name: s.name, color: s.color ?? seriesColor(i), dashed: s.dashed }));
  const legend = o.legend ?? (o.series.length > 1 ? 'right' : 'none');
  const rightExtra = legend === 'right' ? legendWidth(entries) + 12 : 0;
  const bottomExtra = legend === 'bottom' ? bottomLegendHeight(entries, width - 40) : 0;
  const area = plotArea(width, height, { hasTitle: !!o.title, yTickLabels: ys.labels, rightExtra, bottomExtra });
  const strokeWidth = o.strokeWidth ?? 2;
  let marks = 0;
  let lines = '';
  o.series.forEach((s, i) => {
    const { d, points, first } = seriesPath(s, xs, ys, area, o);
    if (points === 0) return;
    marks++;
    const color = entries[i].color;
    const dash = s.dashed ? ' stroke-dasharray="6 3"' : '';
    lines +=
      points === 1
        ? `<circle class="m" ${first} r="${px(strokeWidth + 1)}" fill="${color}"/>`
        : `<path class="m" d="${d}" fill="none" stroke="${color}" stroke-width="${px(strokeWidth)}" stroke-linejoin="round"${dash}/>`;
  });
  const legendSvg =
    legend === 'right' ? rightLegend(entries, area) : legend === 'bottom' ? bottomLegend(entries, area.left, area.bottom + 2 * FONT_SIZE + 20, width - area.left - 10) : '';
  return svgChart(kind, marks, o.title, width, height, yAxis(area, ys, o.y.label) + lines + xAxis(area, xs, o.x.label) + legendSvg);
}

/**
 * A line chart of one or more series (e.g. accuracy vs. simulation steps of several
 * networks): nice ticks on both axes, optional log axes (non-positive points skipped), a
 * legend for two or more series. Returns `<svg>...</svg>`; `data-marks` counts the series drawn.
 */
export function lineChart(o: LineChartOptions): string {
  return drawLines('line', o);
}
