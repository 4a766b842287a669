import { describe, expect, it } from 'vitest';
import { EXPM1_SERIES_LIMIT, LOG1P_SERIES_LIMIT, expm1Small, log1pSmall } from './small-series.js';

function maxRelativeError(f: (x: number) => number, ref: (x: number) => number, limit: number): number {
  let worst = 0;
  for (let k = -2000; k <= 2000; k++) {
    for (const x of [(k / 2000) * limit, (k / 2000) * limit * 1e-3, (k / 2000) * limit * 1e-9]) {
      if (x === 0) continue;
      worst = Math.max(worst, Math.abs(f(x) - ref(x)) / Math.abs(ref(x)));
    }
  }
  return worst;
}

describe('series expm1/log1p used by the LIF step', () => {
  it('expm1Small agrees with Math.expm1 to a few ulp on |x| <= 0.125', () => {
    expect(maxRelativeError(expm1Small, Math.expm1, EXPM1_SERIES_LIMIT)).toBeLessThan(5e-16);
    expect(expm1Small(0)).toBe(0);
  });

  it('log1pSmall agrees with Math.log1p to a few ulp on |y| <= 0.0625', () => {
    expect(maxRelativeError(log1pSmall, Math.log1p, LOG1P_SERIES_LIMIT)).toBeLessThan(5e-16);
    expect(log1pSmall(0)).toBe(0);
  });
});
