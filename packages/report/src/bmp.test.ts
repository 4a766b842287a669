import { describe, expect, it } from 'vitest';
import { base64 } from './base64.js';
import { bmpDataUri } from './bmp.js';

describe('inline images', () => {
  it('base64 matches Node for every length remainder', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256, 257]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('writes a top-down 24-bit BMP whose pixels read back as given (rows padded to 4 bytes)', () => {
    const uri = bmpDataUri(3, 2, (i) => [i * 10, i * 20, i * 30]);
    const bytes = Buffer.from(uri.replace('data:image/bmp;base64,', ''), 'base64');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('BM');
    expect(view.getUint32(2, true)).toBe(bytes.length);
    expect([view.getInt32(18, true), view.getInt32(22, true), view.getUint16(28, true)]).toEqual([3, -2, 24]);
    expect(bytes.length).toBe(54 + 2 * 12);
    const pixel = (r: number, c: number) => {
      const o = 54 + r * 12 + c * 3;
      return [bytes[o + 2], bytes[o + 1], bytes[o]];
    };
    expect(pixel(0, 0)).toEqual([0, 0, 0]);
    expect(pixel(1, 2)).toEqual([50, 100, 150]);
  });
});
