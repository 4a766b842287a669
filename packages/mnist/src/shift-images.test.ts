import { describe, expect, it } from 'vitest';
import { loadMnist } from './node.js';
import { shiftImages } from './shift-images.js';

describe('shiftImages', () => {
  const digits = loadMnist('test', 50);

  it('moves each digit by at most maxShift pixels, keeping the ink that stays inside', () => {
    const shifted = shiftImages(digits.images, 28, 28, 1, 7);
    let moved = 0;
    for (let n = 0; n < 50; n++) {
      const a = digits.images.subarray(n * 784, (n + 1) * 784);
      const b = shifted.subarray(n * 784, (n + 1) * 784);
      // find the offset that maps a onto b exactly: one of the 9 must
      const matches = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => ({ dy, dx }))).filter(({ dy, dx }) => {
        for (let y = 0; y < 28; y++) {
          for (let x = 0; x < 28; x++) {
            const sy = y - dy;
            const sx = x - dx;
            const want = sy >= 0 && sy < 28 && sx >= 0 && sx < 28 ? a[sy * 28 + sx] : 0;
            if (b[y * 28 + x] !== want) return false;
          }
        }
        return true;
      });
      expect(matches.length, `image ${n}`).toBeGreaterThan(0);
      if (!matches.some((m) => m.dx === 0 && m.dy === 0)) moved++;
    }
    // 8 of 9 offsets move the image: most of 50 images move
    expect(moved).toBeGreaterThan(30);
  });

  it('repeats for a seed, differs between seeds, and leaves the input alone', () => {
    const before = digits.images.slice();
    expect(shiftImages(digits.images, 28, 28, 2, 3)).toEqual(shiftImages(digits.images, 28, 28, 2, 3));
    expect(shiftImages(digits.images, 28, 28, 2, 3)).not.toEqual(shiftImages(digits.images, 28, 28, 2, 4));
    expect(shiftImages(digits.images, 28, 28, 0, 3)).toEqual(digits.images);
    expect(digits.images).toEqual(before);
    expect(() => shiftImages(digits.images.subarray(0, 100), 28, 28, 1, 0)).toThrow(/100 values are not whole 28x28 images/);
  });
});
