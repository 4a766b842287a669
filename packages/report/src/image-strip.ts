import { bmpDataUri } from './bmp.js';
import { checkShape } from './check-shape.js';
import { escapeHtml } from './escape-html.js';
import { px } from './format.js';
import { INK } from './palette.js';
import { FONT_SIZE, noDataChart, svgChart } from './svg-frame.js';

/** Options of {@link imageStrip}. Unlike other charts, `width` and `height` are an image's size in pixels; the chart's size follows from them. */
export interface ImageStripOptions {
  readonly title?: string;
  /** count x height x width grayscale values in C order, 0 (background) .. 1 (ink); NaN counts as 0. */
  readonly images: ArrayLike<number>;
  /** Width of one image (pixels). */
  readonly width: number;
  /** Height of one image (pixels). */
  readonly height: number;
  readonly count: number;
  /** Text under each image, e.g. "7 → 7" (label and prediction). */
  readonly captions?: readonly string[];
  /** Images per row (default: all of them, at most 10). */
  readonly columns?: number;
  /** Screen px per image pixel (default 3). */
  readonly scale?: number;
}

/**
 * Grayscale images in a grid (e.g. the input digits), dark ink on white, each one inline
 * BMP `<image>` (a data URI, no external reference) with an optional caption. `data-marks`
 * counts the images drawn.
 */
export function imageStrip(o: ImageStripOptions): string {
  checkShape('imageStrip', o.images.length, [o.count, o.height, o.width], ['count', 'height', 'width']);
  if (o.count === 0 || o.width === 0 || o.height === 0) return noDataChart('image', { title: o.title });
  const scale = o.scale !== undefined && o.scale > 0 ? o.scale : 3;
  const columns = Math.max(1, Math.min(o.count, Math.floor(o.columns ?? 10)));
  const rows = Math.ceil(o.count / columns);
  const cellW = o.width * scale;
  const cellH = o.height * scale;
  const captionH = o.captions ? FONT_SIZE + 8 : 0;
  const gap = 10;
  const top = o.title ? 30 : 8;
  const chartW = Math.max(160, 16 + columns * (cellW + gap) - gap);
  const chartH = top + rows * (cellH + captionH + gap) - gap + 8;
  const pixels = o.width * o.height;
  let body = '';
  for (let k = 0; k < o.count; k++) {
    const x = 8 + (k % columns) * (cellW + gap);
    const y = top + Math.floor(k / columns) * (cellH + captionH + gap);
    const uri = bmpDataUri(o.width, o.height, (i) => {
      const v = o.images[k * pixels + i];
      const g = Math.round(255 * (1 - Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0))));
      return [g, g, g];
    });
    body +=
      `<rect x="${px(x - 0.5)}" y="${px(y - 0.5)}" width="${px(cellW + 1)}" height="${px(cellH + 1)}" fill="none" stroke="${INK.grid}"/>` +
      `<image class="m" x="${px(x)}" y="${px(y)}" width="${px(cellW)}" height="${px(cellH)}" preserveAspectRatio="none" style="image-rendering:pixelated" href="${uri}"/>`;
    const caption = o.captions?.[k];
    if (caption !== undefined)
      body += `<text x="${px(x + cellW / 2)}" y="${px(y + cellH + FONT_SIZE + 3)}" text-anchor="middle" fill="${INK.text}">${escapeHtml(caption)}</text>`;
  }
  return svgChart('image', o.count, o.title, chartW, chartH, body);
}
