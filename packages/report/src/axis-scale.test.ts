import { describe, expect, it } from 'vitest';
import { axisScale, niceStep, project } from './axis-scale.js';
import { compactNumber, px, tickLabel } from './format.js';
import { isNiceSequence } from './test-support/svg-checks.js';

describe('axisScale', () => {
  it.each([
    [0, 1],
    [0.013, 0.987],
    [-3.2, 47.9],
    [1e-4, 3e-4],
    [950, 10_000],
    [-1, -0.2],
  ])('ticks of data in [%d, %d] are a 1/2/5 x 10^k sequence whose first and last tick enclose the data', (lo, hi) => {
    const s = axisScale(lo, hi, {});
    expect(isNiceSequence(s.ticks)).toBe(true);
    expect(s.ticks[0]).toBeLessThanOrEqual(lo);
    expect(s.ticks.at(-1)!).toBeGreaterThanOrEqual(hi);
    expect(s.lo).toBe(s.ticks[0]);
    expect(s.hi).toBe(s.ticks.at(-1));
    expect(s.ticks.length).toBeGreaterThanOrEqual(3);
    expect(s.ticks.length).toBeLessThanOrEqual(11);
  });

  it('keeps bounds the caller fixed and puts ticks only inside them', () => {
    const s = axisScale(0.2, 0.7, { min: 0.1, max: 0.95 });
    expect([s.lo, s.hi]).toEqual([0.1, 0.95]);
    expect(s.ticks).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(s.labels).toEqual(['0.2', '0.4', '0.6', '0.8']);
  });

  it('widens a single value and an empty range to a usable axis', () => {
    expect(axisScale(5, 5, {}).ticks.length).toBeGreaterThan(1);
    expect(axisScale(0, 0, {}).lo).toBe(0);
    const empty = axisScale(NaN, NaN, {});
    expect([empty.lo, empty.hi]).toEqual([0, 1]);
  });

  it('log axes have ticks at powers of ten (with 2 and 5 over two decades or fewer)', () => {
    expect(axisScale(3, 4000, { log: true }).ticks).toEqual([1, 10, 100, 1000, 10_000]);
    expect(axisScale(1.5, 40, { log: true }).ticks).toEqual([1, 2, 5, 10, 20, 50, 100]);
    const wide = axisScale(1e-6, 1e6, { log: true });
    expect(wide.ticks.length).toBeLessThanOrEqual(8);
    expect(wide.labels[0]).toBe('1e-6');
  });

  it('projects linearly, logarithmically, clamped to the plot and NaN for values a log axis skips', () => {
    const lin = axisScale(0, 10, {});
    expect(project(lin, 5, 100, 200)).toBe(150);
    expect(project(lin, 50, 100, 200)).toBe(200);
    const log = axisScale(1, 100, { log: true });
    expect(project(log, 10, 0, 100)).toBeCloseTo(50, 9);
    expect(project(log, 0, 0, 100)).toBeNaN();
  });

  it('niceStep picks 1, 2 or 5 x 10^k', () => {
    expect(niceStep(1, 5)).toBe(0.2);
    expect(niceStep(87, 5)).toBe(20);
    expect(niceStep(0.003, 3)).toBe(0.001);
  });
});

describe('number formatting', () => {
  it('rounds coordinates to 0.1 px without float noise', () => {
    expect(px(12.345678901234)).toBe('12.3');
    expect(px(0.1 + 0.2)).toBe('0.3');
    expect(px(-0.04)).toBe('0');
    expect(px(NaN)).toBe('0');
  });
  it('labels ticks with the decimals their step needs', () => {
    expect(tickLabel(0.30000000000000004, 0.1)).toBe('0.3');
    expect(tickLabel(20, 5)).toBe('20');
    expect(tickLabel(1e7, 1e6)).toBe('1e7');
    expect(compactNumber(0.123456)).toBe('0.1235');
  });
});
