import { escapeHtml } from './escape-html.js';
import { px } from './format.js';
import { INK } from './palette.js';
import type { PlotArea } from './plot-area.js';
import { FONT_SIZE, textWidth } from './svg-frame.js';

/** One legend entry: a line sample (or a filled swatch) and its name. */
export interface LegendEntry {
  readonly name: string;
  readonly color: string;
  readonly dashed?: boolean;
  readonly swatch?: boolean;
}

const SAMPLE = 22;
const ROW = FONT_SIZE + 6;

/** Width a right-hand legend of `entries` needs (px), names cut at 28 characters. */
export function legendWidth(entries: readonly LegendEntry[]): number {
  return SAMPLE + 10 + Math.max(0, ...entries.map((e) => textWidth(shorten(e.name))));
}

/** Height a bottom legend of `entries` needs in a chart `width` px wide. */
export function bottomLegendHeight(entries: readonly LegendEntry[], width: number): number {
  return layoutBottom(entries, 0, width).rows * ROW + 4;
}

function shorten(name: string): string {
  return name.length > 28 ? name.slice(0, 27) + '…' : name;
}

function entry(e: LegendEntry, x: number, y: number): string {
  const sample = e.swatch
    ? `<rect x="${px(x)}" y="${px(y - 5)}" width="${SAMPLE - 8}" height="10" fill="${e.color}"/>`
    : `<line x1="${px(x)}" y1="${px(y)}" x2="${px(x + SAMPLE)}" y2="${px(y)}" stroke="${e.color}" stroke-width="2.5"${e.dashed ? ' stroke-dasharray="6 3"' : ''}/>`;
  return `${sample}<text x="${px(x + SAMPLE + 6)}" y="${px(y)}" dy="0.32em" fill="${INK.text}">${escapeHtml(shorten(e.name))}</text>`;
}

/** A legend right of `area`, one entry per row from its top. */
export function rightLegend(entries: readonly LegendEntry[], area: PlotArea): string {
  return `<g>${entries.map((e, i) => entry(e, area.right + 12, area.top + 6 + i * ROW)).join('')}</g>`;
}

function layoutBottom(entries: readonly LegendEntry[], left: number, width: number) {
  const placed: { e: LegendEntry; x: number; row: number }[] = [];
  let x = left;
  let row = 0;
  for (const e of entries) {
    const w = SAMPLE + 14 + textWidth(shorten(e.name));
    if (x > left && x + w > left + width) {
      x = left;
      row++;
    }
    placed.push({ e, x, row });
    x += w;
  }
  return { placed, rows: entries.length ? row + 1 : 0 };
}

/** A legend below the plot, entries flowing left to right in rows, starting at `top`. */
export function bottomLegend(entries: readonly LegendEntry[], left: number, top: number, width: number): string {
  const { placed } = layoutBottom(entries, left, width);
  return `<g>${placed.map((p) => entry(p.e, p.x, top + ROW / 2 + p.row * ROW)).join('')}</g>`;
}
