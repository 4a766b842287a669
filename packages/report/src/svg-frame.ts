import { escapeHtml } from './escape-html.js';
import { px } from './format.js';
import { INK } from './palette.js';
import type { ChartOptions, PlotKind } from './types.js';

/** Default viewBox size of a chart (px). */
export const DEFAULT_SIZE = { width: 560, height: 320 } as const;

/** Font size of tick labels and legends (px); titles are 1.2 times larger. */
export const FONT_SIZE = 11;

/** Rough width of `text` at `size` px in a system sans-serif font (no DOM to measure with). */
export function textWidth(text: string, size = FONT_SIZE): number {
  return text.length * size * 0.58;
}

/** Chart width and height from the options (defaults for missing or non-positive values). */
export function chartSize(o: ChartOptions): { width: number; height: number } {
  const ok = (v: number | undefined, d: number) => (v !== undefined && Number.isFinite(v) && v > 50 ? v : d);
  return { width: ok(o.width, DEFAULT_SIZE.width), height: ok(o.height, DEFAULT_SIZE.height) };
}

/**
 * Wrap chart content in an `<svg>` with a viewBox, `role="img"`, an accessible `<title>`,
 * `data-plot` (kind) and `data-marks` (data marks drawn), and draw the title on top. No
 * `xmlns`: the markup is meant for inline use in HTML, which needs none (and so the report
 * holds no URL at all).
 */
export function svgChart(kind: PlotKind, marks: number, title: string | undefined, width: number, height: number, body: string): string {
  const name = title ?? `${kind} chart`;
  const heading = title ? `<text x="${px(10)}" y="${px(18)}" font-size="${FONT_SIZE * 1.2}" font-weight="600" fill="${INK.text}">${escapeHtml(title)}</text>` : '';
  return (
    `<svg viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img" ` +
    `data-plot="${kind}" data-marks="${marks}" font-family="system-ui,-apple-system,'Segoe UI',Roboto,sans-serif" font-size="${FONT_SIZE}">` +
    `<title>${escapeHtml(name)}</title>${heading}${body}</svg>`
  );
}

/** A chart of `kind` that says "no data" (data-marks 0): for empty, all-NaN or all-zero inputs. */
export function noDataChart(kind: PlotKind, o: ChartOptions, why = 'no data'): string {
  const { width, height } = chartSize(o);
  const box = `<rect x="8" y="${px(o.title ? 28 : 8)}" width="${px(width - 16)}" height="${px(height - (o.title ? 36 : 16))}" fill="none" stroke="${INK.grid}"/>`;
  const text = `<text x="${px(width / 2)}" y="${px(height / 2 + 8)}" text-anchor="middle" fill="${INK.muted}" font-size="${FONT_SIZE * 1.3}">${escapeHtml(why)}</text>`;
  return svgChart(kind, 0, o.title, width, height, box + text);
}
