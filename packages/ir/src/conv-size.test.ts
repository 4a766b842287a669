import { describe, expect, it } from 'vitest';
import { convOutputSize, samePadding } from './conv-size.js';

// TensorFlow's definitions (tf.nn.conv2d docs): VALID -> floor((n - k) / s) + 1, SAME -> ceil(n / s).
const tfValid = (n: number, k: number, s: number): number => Math.floor((n - k) / s) + 1;
const tfSame = (n: number, s: number): number => Math.ceil(n / s);

describe('convOutputSize', () => {
  it('gives the Keras/TensorFlow sizes of the keras-to-snn layers', () => {
    expect(convOutputSize(28, 3, 1, 'valid')).toBe(26);
    expect(convOutputSize(28, 3, 2, 'same')).toBe(14);
    expect(convOutputSize(28, 3, 2, 'valid')).toBe(13);
    expect(convOutputSize(26, 3, 2, 'valid')).toBe(12);
    expect(convOutputSize(28, 3, 1, 'same')).toBe(28);
  });

  it('equals the TensorFlow formulas for every n <= 40, k <= 7, s <= 4 where the window fits', () => {
    for (let n = 1; n <= 40; n++)
      for (let k = 1; k <= Math.min(n, 7); k++)
        for (let s = 1; s <= 4; s++) {
          expect(convOutputSize(n, k, s, 'valid')).toBe(tfValid(n, k, s));
          expect(convOutputSize(n, k, s, 'same')).toBe(tfSame(n, s));
        }
  });

  it('uses floor((n + before + after - k) / s) + 1 for explicit padding', () => {
    expect(convOutputSize(28, 5, 1, [2, 2])).toBe(28);
    expect(convOutputSize(7, 3, 2, [1, 0])).toBe(3); // floor(5 / 2) + 1
    expect(convOutputSize(7, 3, 2, [0, 0])).toBe(convOutputSize(7, 3, 2, 'valid'));
  });

  it('reports a window that does not fit as a size below 1', () => {
    expect(convOutputSize(2, 3, 1, 'valid')).toBeLessThan(1);
  });
});

describe('samePadding', () => {
  it('puts floor(p/2) before and ceil(p/2) after, p = max((out-1)s + k - n, 0)', () => {
    expect(samePadding(28, 3, 1)).toEqual([1, 1]);
    expect(samePadding(28, 3, 2)).toEqual([0, 1]); // out 14: p = 13*2 + 3 - 28 = 1
    expect(samePadding(5, 4, 1)).toEqual([1, 2]);
    expect(samePadding(28, 1, 2)).toEqual([0, 0]); // p would be -1
  });

  it('as explicit padding gives the same output size as "same"', () => {
    for (let n = 1; n <= 30; n++)
      for (let k = 1; k <= 6; k++)
        for (let s = 1; s <= 3; s++) expect(convOutputSize(n, k, s, samePadding(n, k, s))).toBe(convOutputSize(n, k, s, 'same'));
  });
});
