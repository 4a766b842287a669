import { describe, expect, it } from 'vitest';
import { param, paramSize, scalar, zeros } from './param.js';
import { isSnnError } from './errors.js';

describe('param helpers', () => {
  it('paramSize is the product of the shape, 1 for a scalar', () => {
    expect(paramSize([3, 3, 1, 32])).toBe(288);
    expect(paramSize([])).toBe(1);
    expect(() => paramSize([3, 0])).toThrow(/positive integer/);
  });

  it('param converts array-likes to float32 and keeps Float32Arrays', () => {
    const p = param([0.1, 2, 3, 4, 5, 6], [2, 3]);
    expect(p.shape).toEqual([2, 3]);
    expect(p.data).toBeInstanceOf(Float32Array);
    expect(p.data[0]).toBe(Math.fround(0.1));
    const data = new Float32Array(4);
    expect(param(data, [4]).data).toBe(data);
  });

  it('param rejects data of the wrong length with IR_BAD_PARAM', () => {
    try {
      param([1, 2, 3], [2, 2]);
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'IR_BAD_PARAM')).toBe(true);
      expect((e as Error).message).toContain('needs 4 values but was given 3');
    }
  });

  it('scalar and zeros', () => {
    expect(scalar(2.5)).toEqual({ shape: [], data: Float32Array.of(2.5) });
    const z = zeros([2, 5]);
    expect(z.data.length).toBe(10);
    expect(z.data.every((v) => v === 0)).toBe(true);
  });
});
