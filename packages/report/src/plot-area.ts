import { FONT_SIZE, textWidth } from './svg-frame.js';

/** The rectangle data is drawn in (px): x from left to right, y from top (high values) to bottom. */
export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** What sits around the plot area, so that it gets room. */
export interface Surroundings {
  readonly hasTitle: boolean;
  /** Tick labels of the y axis (the longest sets the left margin). */
  readonly yTickLabels: readonly string[];
  /** px to keep free right of the plot (a legend, a colour bar). */
  readonly rightExtra?: number;
  /** px to keep free below the x axis title (a legend, rotated labels). */
  readonly bottomExtra?: number;
}

/** The plot area of a `width` x `height` chart, leaving room for title, axes, labels and legend. */
export function plotArea(width: number, height: number, s: Surroundings): PlotArea {
  const labelWidth = Math.max(0, ...s.yTickLabels.map((l) => textWidth(l)));
  const left = 8 + FONT_SIZE * 1.4 + labelWidth + 8;
  const top = s.hasTitle ? 34 : 12;
  const right = width - 14 - (s.rightExtra ?? 0);
  const bottom = height - 2 * FONT_SIZE - 16 - (s.bottomExtra ?? 0);
  return { left, top, right: Math.max(right, left + 20), bottom: Math.max(bottom, top + 20) };
}
