import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { percentileInPlace } from './percentile.js';

/** numpy.percentile(x, p) with the default linear method, on a sorted copy. */
function sortedPercentile(values: Float32Array, p: number): number {
  const s = Float64Array.from(values).sort();
  const pos = (p / 100) * (s.length - 1);
  const k = Math.floor(pos);
  return k + 1 < s.length ? s[k] + (s[k + 1] - s[k]) * (pos - k) : s[k];
}

describe('percentileInPlace', () => {
  it('matches numpy values on small arrays', () => {
    // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 99.9, 100]) = 1, 1.75, 2.5, 3.997, 4
    const cases: [number, number][] = [[0, 1], [25, 1.75], [50, 2.5], [99.9, 3.997], [100, 4]];
    for (const [p, expected] of cases) expect(percentileInPlace(Float32Array.of(4, 1, 3, 2), p)).toBeCloseTo(expected, 6);
    expect(percentileInPlace(Float32Array.of(7), 99.9)).toBe(7);
    expect(percentileInPlace(new Float32Array(0), 50)).toBeNaN();
  });

  it('equals the sorted-array percentile on random, sorted, constant and mostly-zero data', () => {
    const rng = createRng(4);
    const random = rng.fillUniform(new Float32Array(100_001), -3, 40);
    const sorted = Float32Array.from(random).sort();
    const constant = new Float32Array(5000).fill(2.5);
    const sparse = new Float32Array(20_000);
    for (let i = 0; i < sparse.length; i += 37) sparse[i] = rng.uniform(0, 9);
    for (const data of [random, sorted, constant, sparse]) {
      for (const p of [0.1, 50, 99, 99.9, 99.99, 100]) {
        expect(percentileInPlace(Float32Array.from(data), p)).toBeCloseTo(sortedPercentile(data, p), 4);
      }
    }
  });
});
