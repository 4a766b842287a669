import { describe, expect, it } from 'vitest';
import { fans, glorotUniform, heNormal, heUniform } from './initializers.js';
import { createRng } from './random.js';

function stats(data: Float32Array): { mean: number; std: number; min: number; max: number } {
  let sum = 0, sq = 0, min = Infinity, max = -Infinity;
  for (const v of data) {
    sum += v;
    sq += v * v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = sum / data.length;
  return { mean, std: Math.sqrt(sq / data.length - mean * mean), min, max };
}

describe('initializers', () => {
  it('fans follow Keras: dense [in, out], conv (k..., cIn, cOut) times the receptive field', () => {
    expect(fans([784, 10])).toEqual({ fanIn: 784, fanOut: 10 });
    expect(fans([3, 3, 32, 64])).toEqual({ fanIn: 288, fanOut: 576 });
  });

  it('glorotUniform lies in ±sqrt(6/(fanIn+fanOut)) with the variance of that uniform', () => {
    const { fanIn, fanOut } = fans([3, 3, 32, 64]);
    const p = glorotUniform([3, 3, 32, 64], fanIn, fanOut, createRng(1));
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const s = stats(p.data);
    expect(p.shape).toEqual([3, 3, 32, 64]);
    expect(s.max).toBeLessThanOrEqual(limit);
    expect(s.min).toBeGreaterThanOrEqual(-limit);
    // uniform(-l, l) has std l/sqrt(3); 18432 samples: relative error ~1%.
    expect(s.std / (limit / Math.sqrt(3))).toBeCloseTo(1, 1);
    expect(Math.abs(s.mean)).toBeLessThan(0.01 * limit);
  });

  it('is deterministic for a seed', () => {
    const a = glorotUniform([10, 10], 10, 10, createRng(7)).data;
    const b = glorotUniform([10, 10], 10, 10, createRng(7)).data;
    const c = glorotUniform([10, 10], 10, 10, createRng(8)).data;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('heUniform lies in ±sqrt(6/fanIn)', () => {
    const s = stats(heUniform([100, 50], 100, createRng(3)).data);
    expect(s.max).toBeLessThanOrEqual(Math.sqrt(6 / 100));
    expect(s.std / (Math.sqrt(6 / 100) / Math.sqrt(3))).toBeCloseTo(1, 1);
  });

  it('heNormal has std sqrt(2/fanIn), truncated at two of its pre-truncation std', () => {
    const fanIn = 200;
    const s = stats(heNormal([fanIn, 100], fanIn, createRng(5)).data);
    const target = Math.sqrt(2 / fanIn);
    expect(s.std / target).toBeCloseTo(1, 1);
    expect(s.max).toBeLessThanOrEqual((2 * target) / 0.87962566103423978);
    expect(s.min).toBeGreaterThanOrEqual((-2 * target) / 0.87962566103423978);
  });
});
