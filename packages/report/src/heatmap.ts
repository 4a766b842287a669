import { axisScale, finiteRange } from './axis-scale.js';
import { xAxis, yAxisAt } from './axes.js';
import { bmpDataUri } from './bmp.js';
import { checkShape } from './check-shape.js';
import { viridis } from './color-ramp.js';
import { escapeHtml } from './escape-html.js';
import { compactNumber, px } from './format.js';
import { INK } from './palette.js';
import { plotArea } from './plot-area.js';
import { chartSize, noDataChart, svgChart, textWidth } from './svg-frame.js';
import type { AxisOptions, ChartOptions } from './types.js';

/** Options of {@link heatmap}. */
export interface HeatmapOptions extends ChartOptions {
  /** rows x columns values in C order (row r, column c at `values[r * columns + c]`). */
  readonly values: ArrayLike<number>;
  readonly rows: number;
  readonly columns: number;
  /** Names of the rows, e.g. the digits "0".."9" (default: row indices). */
  readonly rowLabels?: readonly string[];
  /** y axis title (default "row"). */
  readonly yLabel?: string;
  /** The column axis: columns evenly cover [min, max] (default [0, columns], e.g. steps; give max = steps x dt in ms for time). */
  readonly x: AxisOptions;
  /** Name of the value shown in the colour bar, e.g. "output". */
  readonly valueLabel?: string;
}

/**
 * A heatmap, e.g. the output per class (rows) over time (columns): colours from the
 * viridis map between the finite values' min and max, drawn as one inline BMP image (a
 * data URI), with row labels, a column axis with nice ticks and a colour bar. NaN cells are
 * light gray. `data-marks` counts the finite cells drawn; none renders "no data".
 */
export function heatmap(o: HeatmapOptions): string {
  checkShape('heatmap', o.values.length, [o.rows, o.columns], ['rows', 'columns']);
  const [lo, hi] = finiteRange(o.values);
  if (!Number.isFinite(lo)) return noDataChart('heatmap', o);
  let marks = 0;
  for (let i = 0; i < o.values.length; i++) if (Number.isFinite(o.values[i])) marks++;
  const { width, height } = chartSize(o);
  const xMin = Number.isFinite(o.x.min) ? (o.x.min as number) : 0;
  const xMax = Number.isFinite(o.x.max) ? (o.x.max as number) : o.columns;
  const xs = axisScale(xMin, xMax, { min: xMin, max: xMax }, Math.max(3, Math.round(width / 90)));
  const labels = Array.from({ length: o.rows }, (_, r) => o.rowLabels?.[r] ?? String(r));
  const barLabels = [compactNumber(lo), compactNumber(hi)];
  const rightExtra = 28 + Math.max(...barLabels.map((l) => textWidth(l)));
  const area = plotArea(width, height, { hasTitle: !!o.title, yTickLabels: labels, rightExtra });
  const band = (area.bottom - area.top) / o.rows;
  const span = hi - lo;
  const uri = bmpDataUri(o.columns, o.rows, (i) => {
    const v = o.values[i];
    return Number.isFinite(v) ? viridis(span > 0 ? (v - lo) / span : 0.5) : [221, 221, 221];
  });
  const image = `<image class="m" x="${px(area.left)}" y="${px(area.top)}" width="${px(area.right - area.left)}" height="${px(area.bottom - area.top)}" preserveAspectRatio="none" style="image-rendering:pixelated" href="${uri}"/>`;
  const rowY = labels.map((_, r) => area.top + (r + 0.5) * band);
  const barX = area.right + 10;
  const ramp = bmpDataUri(1, 64, (i) => viridis(1 - i / 63));
  const colorBar =
    `<image x="${px(barX)}" y="${px(area.top)}" width="10" height="${px(area.bottom - area.top)}" preserveAspectRatio="none" href="${ramp}"/>` +
    `<g fill="${INK.text}"><text x="${px(barX + 14)}" y="${px(area.top)}" dy="0.7em">${barLabels[1]}</text>` +
    `<text x="${px(barX + 14)}" y="${px(area.bottom)}">${barLabels[0]}</text>` +
    (o.valueLabel ? `<text transform="translate(${px(barX + 18)} ${px((area.top + area.bottom) / 2)}) rotate(90)" text-anchor="middle">${escapeHtml(o.valueLabel)}</text>` : '') +
    `</g>`;
  const body = image + yAxisAt(area, rowY, labels, o.yLabel ?? 'row', false) + xAxis(area, xs, o.x.label) + colorBar;
  return svgChart('heatmap', marks, o.title, width, height, body);
}
