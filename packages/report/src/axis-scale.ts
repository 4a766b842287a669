import { tickLabel } from './format.js';
import type { AxisOptions } from './types.js';

/** A resolved axis: domain [lo, hi], ticks at nice values (1, 2 or 5 x 10^k) with their labels. */
export interface AxisScale {
  readonly lo: number;
  readonly hi: number;
  readonly log: boolean;
  readonly ticks: readonly number[];
  readonly labels: readonly string[];
}

/** The nice step (1, 2 or 5 x 10^k) closest above `span / target`. */
export function niceStep(span: number, target: number): number {
  const rough = span / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(rough));
  const f = rough / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/** Drop floating-point noise from k * step (0.30000000000000004 -> 0.3). */
function clean(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * The scale of an axis for data in [dataMin, dataMax] (NaN when there is none): bounds the
 * caller fixed in `axis` are kept, free bounds are widened to the next tick, so ticks cover
 * the data. Log axes look only at positive values (`dataMin` should be the least positive one).
 */
export function axisScale(dataMin: number, dataMax: number, axis: Pick<AxisOptions, 'min' | 'max' | 'log'>, target = 5): AxisScale {
  return axis.log ? logScale(dataMin, dataMax, axis) : linearScale(dataMin, dataMax, axis, target);
}

function linearScale(dataMin: number, dataMax: number, axis: Pick<AxisOptions, 'min' | 'max'>, target: number): AxisScale {
  const fixedLo = Number.isFinite(axis.min) ? (axis.min as number) : undefined;
  const fixedHi = Number.isFinite(axis.max) ? (axis.max as number) : undefined;
  let lo = fixedLo ?? (Number.isFinite(dataMin) ? dataMin : Number.isFinite(dataMax) ? dataMax : 0);
  let hi = fixedHi ?? (Number.isFinite(dataMax) ? dataMax : lo + 1);
  if (hi < lo) [lo, hi] = fixedHi === undefined ? [lo, lo] : [hi, hi];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.5;
    if (fixedHi === undefined) hi = lo + pad;
    else lo = hi - pad;
  }
  const step = niceStep(hi - lo, target);
  if (fixedLo === undefined) lo = clean(Math.floor(lo / step + 1e-9) * step);
  if (fixedHi === undefined) hi = clean(Math.ceil(hi / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) ticks.push(clean(k * step));
  return { lo, hi, log: false, ticks, labels: ticks.map((t) => tickLabel(t, step)) };
}

function logScale(dataMin: number, dataMax: number, axis: Pick<AxisOptions, 'min' | 'max'>): AxisScale {
  const fixedLo = axis.min !== undefined && axis.min > 0 && Number.isFinite(axis.min) ? axis.min : undefined;
  const fixedHi = axis.max !== undefined && axis.max > 0 && Number.isFinite(axis.max) ? axis.max : undefined;
  let lo = fixedLo ?? (dataMin > 0 && Number.isFinite(dataMin) ? dataMin : 1);
  let hi = fixedHi ?? (dataMax > 0 && Number.isFinite(dataMax) ? dataMax : lo * 10);
  if (hi < lo) [lo, hi] = fixedHi === undefined ? [lo, lo * 10] : [hi / 10, hi];
  let e0 = Math.floor(Math.log10(lo) + 1e-9);
  let e1 = Math.ceil(Math.log10(hi) - 1e-9);
  if (e1 <= e0) e1 = e0 + 1;
  if (fixedLo === undefined) lo = 10 ** e0;
  else e0 = Math.floor(Math.log10(lo) + 1e-9);
  if (fixedHi === undefined) hi = 10 ** e1;
  const decades = e1 - e0;
  const every = Math.max(1, Math.ceil(decades / 6));
  const mantissas = decades <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = e0; e <= e1; e += every) {
    for (const m of mantissas) {
      const t = clean(m * 10 ** e);
      if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) ticks.push(t);
    }
  }
  return { lo, hi, log: true, ticks, labels: ticks.map((t) => tickLabel(t, t)) };
}

/**
 * Where `v` falls between screen coordinates `start` (at lo) and `end` (at hi), clamped to
 * that interval so that nothing is drawn outside the plot; NaN for values a log axis skips.
 */
export function project(scale: AxisScale, v: number, start: number, end: number): number {
  if (scale.log && !(v > 0)) return NaN;
  const f = scale.log ? Math.log10(v / scale.lo) / Math.log10(scale.hi / scale.lo) : (v - scale.lo) / (scale.hi - scale.lo);
  return start + Math.min(1, Math.max(0, f)) * (end - start);
}

/** Smallest and largest finite values of `values` (positive ones only for a log axis); NaN when there are none. */
export function finiteRange(values: ArrayLike<number>, positiveOnly = false): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}
