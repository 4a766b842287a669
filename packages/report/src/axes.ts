import { project, type AxisScale } from './axis-scale.js';
import { escapeHtml } from './escape-html.js';
import { px } from './format.js';
import { INK } from './palette.js';
import type { PlotArea } from './plot-area.js';
import { FONT_SIZE, textWidth } from './svg-frame.js';

/**
 * Tick labels of an axis whose ticks sit `spacing` px apart: every k-th one, so that
 * neighbours never overlap (ticks stay, only labels thin out).
 */
export function labelStride(labels: readonly string[], spacing: number, horizontal: boolean): number {
  const need = horizontal ? Math.max(0, ...labels.map((l) => textWidth(l))) + 6 : FONT_SIZE + 2;
  return spacing > 0 ? Math.max(1, Math.ceil(need / spacing)) : 1;
}

/** The x axis at the bottom of `area`: line, ticks, labels and title. */
export function xAxis(area: PlotArea, scale: AxisScale, label: string): string {
  const xs = scale.ticks.map((t) => project(scale, t, area.left, area.right));
  const spacing = xs.length > 1 ? Math.abs(xs[1] - xs[0]) : Infinity;
  const stride = labelStride(scale.labels, spacing, true);
  let ticks = '';
  let text = '';
  xs.forEach((x, i) => {
    ticks += `M${px(x)} ${px(area.bottom)}v5`;
    if (i % stride === 0) text += `<text x="${px(x)}" y="${px(area.bottom + 8 + FONT_SIZE)}" text-anchor="middle">${escapeHtml(scale.labels[i])}</text>`;
  });
  const title = `<text x="${px((area.left + area.right) / 2)}" y="${px(area.bottom + 14 + 2 * FONT_SIZE)}" text-anchor="middle">${escapeHtml(label)}</text>`;
  return `<path d="M${px(area.left)} ${px(area.bottom)}H${px(area.right)}${ticks}" stroke="${INK.axis}" fill="none"/><g fill="${INK.text}">${text}${title}</g>`;
}

/** The y axis at the left of `area`, with light horizontal grid lines at its ticks. */
export function yAxis(area: PlotArea, scale: AxisScale, label: string, grid = true): string {
  const ys = scale.ticks.map((t) => project(scale, t, area.bottom, area.top));
  return yAxisAt(area, ys, scale.labels, label, grid);
}

/** A y axis with ticks at screen positions `ys` (e.g. row centres) labelled `labels`. */
export function yAxisAt(area: PlotArea, ys: readonly number[], labels: readonly string[], label: string, grid = true): string {
  const spacing = ys.length > 1 ? Math.abs(ys[1] - ys[0]) : Infinity;
  const stride = labelStride(labels, spacing, false);
  let ticks = '';
  let lines = '';
  let text = '';
  ys.forEach((y, i) => {
    ticks += `M${px(area.left - 5)} ${px(y)}h5`;
    if (grid) lines += `M${px(area.left)} ${px(y)}H${px(area.right)}`;
    if (i % stride === 0) text += `<text x="${px(area.left - 8)}" y="${px(y)}" dy="0.32em" text-anchor="end">${escapeHtml(labels[i])}</text>`;
  });
  const cy = (area.top + area.bottom) / 2;
  const tx = 8 + FONT_SIZE;
  const title = `<text transform="translate(${px(tx)} ${px(cy)}) rotate(-90)" text-anchor="middle">${escapeHtml(label)}</text>`;
  const gridPath = lines ? `<path d="${lines}" stroke="${INK.grid}" fill="none"/>` : '';
  return `${gridPath}<path d="M${px(area.left)} ${px(area.top)}V${px(area.bottom)}${ticks}" stroke="${INK.axis}" fill="none"/><g fill="${INK.text}">${text}${title}</g>`;
}
