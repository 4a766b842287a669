import { axisScale, project } from './axis-scale.js';
import { yAxis } from './axes.js';
import { escapeHtml } from './escape-html.js';
import { px } from './format.js';
import { legendWidth, rightLegend, type LegendEntry } from './legend.js';
import { INK, seriesColor } from './palette.js';
import { plotArea } from './plot-area.js';
import { chartSize, FONT_SIZE, noDataChart, svgChart, textWidth } from './svg-frame.js';
import type { AxisOptions, ChartOptions } from './types.js';

/** One group member of a {@link barChart}: a value per category. */
export interface BarSeries {
  readonly name: string;
  readonly values: ArrayLike<number>;
  /** CSS colour (default: the palette's next). */
  readonly color?: string;
}

/** Options of {@link barChart}. */
export interface BarChartOptions extends ChartOptions {
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly y: AxisOptions;
}

/**
 * Grouped bars: one group per category, one bar per series in it (legend for two or
 * more series). Bars rise from 0 (from the axis bottom on a log axis, which skips
 * non-positive values). Long category labels are slanted. `data-marks` counts the
 * non-zero bars drawn; nothing to draw renders "no data".
 */
export function barChart(o: BarChartOptions): string {
  const log = !!o.y.log;
  const ok = (v: number) => Number.isFinite(v) && (log ? v > 0 : v !== 0);
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of o.series)
    for (let c = 0; c < o.categories.length; c++) {
      const v = s.values[c];
      if (!ok(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (!(lo <= hi)) return noDataChart('bar', o);
  const { width, height } = chartSize(o);
  const ys = axisScale(log ? lo : Math.min(0, lo), log ? hi : Math.max(0, hi), o.y, Math.max(3, Math.round(height / 60)));
  const entries: LegendEntry[] = o.series.map((s, i) => ({ name: s.name, color: s.color ?? seriesColor(i), swatch: true }));
  const rightExtra = o.series.length > 1 ? legendWidth(entries) + 12 : 0;
  const longest = Math.max(0, ...o.categories.map((c) => textWidth(c)));
  const probe = plotArea(width, height, { hasTitle: !!o.title, yTickLabels: ys.labels, rightExtra });
  const groupW = (probe.right - probe.left) / Math.max(1, o.categories.length);
  const slant = longest + 6 > groupW;
  const area = slant ? plotArea(width, height, { hasTitle: !!o.title, yTickLabels: ys.labels, rightExtra, bottomExtra: Math.min(80, longest * 0.6) }) : probe;
  const barW = (groupW * 0.8) / Math.max(1, o.series.length);
  const base = log ? area.bottom : project(ys, 0, area.bottom, area.top);
  let bars = '';
  let marks = 0;
  o.series.forEach((s, si) => {
    for (let c = 0; c < o.categories.length; c++) {
      const v = s.values[c];
      if (!ok(v)) continue;
      const x = area.left + c * groupW + groupW * 0.1 + si * barW;
      const y = project(ys, v, area.bottom, area.top);
      bars += `<rect class="m" x="${px(x)}" y="${px(Math.min(y, base))}" width="${px(Math.max(0.5, barW - 1))}" height="${px(Math.max(0.5, Math.abs(base - y)))}" fill="${entries[si].color}"><title>${escapeHtml(`${s.name}, ${o.categories[c]}: ${v}`)}</title></rect>`;
      marks++;
    }
  });
  let labels = '';
  o.categories.forEach((c, i) => {
    const x = area.left + (i + 0.5) * groupW;
    const y = area.bottom + 8 + FONT_SIZE;
    labels += slant
      ? `<text transform="translate(${px(x)} ${px(y - 4)}) rotate(-35)" text-anchor="end">${escapeHtml(c)}</text>`
      : `<text x="${px(x)}" y="${px(y)}" text-anchor="middle">${escapeHtml(c)}</text>`;
  });
  const xLine = `<path d="M${px(area.left)} ${px(area.bottom)}H${px(area.right)}" stroke="${INK.axis}"/>`;
  const zero = !log && base < area.bottom - 0.5 ? `<path d="M${px(area.left)} ${px(base)}H${px(area.right)}" stroke="${INK.axis}"/>` : '';
  const legend = o.series.length > 1 ? rightLegend(entries, area) : '';
  return svgChart('bar', marks, o.title, width, height, yAxis(area, ys, o.y.label) + bars + zero + xLine + `<g fill="${INK.text}">${labels}</g>` + legend);
}
