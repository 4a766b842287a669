import { base64 } from './base64.js';

/**
 * A 24-bit BMP image (top-down rows) of `width` x `height` pixels whose RGB colour comes
 * from `rgb(index)` for pixel index `row * width + col`, as a `data:image/bmp;base64,...`
 * URI: an inline image with no external reference, built without a DOM or canvas.
 */
export function bmpDataUri(width: number, height: number, rgb: (index: number) => readonly [number, number, number]): string {
  const rowBytes = (width * 3 + 3) & ~3;
  const size = 54 + rowBytes * height;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42; // 'B'
  bytes[1] = 0x4d; // 'M'
  view.setUint32(2, size, true);
  view.setUint32(10, 54, true); // pixel data offset
  view.setUint32(14, 40, true); // BITMAPINFOHEADER
  view.setInt32(18, width, true);
  view.setInt32(22, -height, true); // negative: rows stored top-down
  view.setUint16(26, 1, true); // planes
  view.setUint16(28, 24, true); // bits per pixel
  view.setUint32(34, rowBytes * height, true);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const [red, green, blue] = rgb(r * width + c);
      const o = 54 + r * rowBytes + c * 3;
      bytes[o] = blue;
      bytes[o + 1] = green;
      bytes[o + 2] = red;
    }
  }
  return `data:image/bmp;base64,${base64(bytes)}`;
}
