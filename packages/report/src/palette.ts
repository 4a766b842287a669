/**
 * Okabe & Ito's colour-blind-safe palette, ordered for lines on white: blue, orange,
 * bluish green, vermillion, reddish purple, sky blue, black, yellow (last: faint on white).
 */
export const PALETTE: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'];

/** The palette colour of series `i` (cycling). */
export function seriesColor(i: number): string {
  return PALETTE[i % PALETTE.length];
}

/** Axis, tick and label colours shared by every chart. */
export const INK = { axis: '#444', grid: '#e6e6e6', text: '#333', muted: '#777' } as const;
