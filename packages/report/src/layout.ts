import { escapeHtml } from './escape-html.js';

/** A paragraph of text (escaped). */
export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/** A chart (`<svg>` markup) in a `<figure>`, with an optional caption (escaped). */
export function figure(svg: string, caption?: string): string {
  return `<figure>${svg}${caption === undefined ? '' : `<figcaption>${escapeHtml(caption)}</figcaption>`}</figure>`;
}

/** Figures side by side in a responsive grid: as many per row as fit, one per row on narrow screens. */
export function figureRow(...figures: string[]): string {
  return `<div class="figure-row">${figures.join('\n')}</div>`;
}
