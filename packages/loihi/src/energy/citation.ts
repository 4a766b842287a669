import { loihiError } from '../error-codes.js';

/**
 * A published per-operation figure and where it comes from: what it measures, its value and
 * unit as printed, and the exact source (paper, table, page). Every number the energy estimate
 * uses is one of these; nothing is invented.
 */
export interface Citation {
  /** What the figure measures, in the source's words where possible. */
  readonly figure: string;
  /** The value as published. */
  readonly value: number;
  /** Its unit as published (pJ, ns, TFLOP/s, W). */
  readonly unit: string;
  /** Authors, title, venue, year, table and page. */
  readonly source: string;
}

/** SI factor of the units the figures use, to turn a cited value into joules, seconds, watts or FLOP/s. */
const SI: Readonly<Record<string, number>> = { pJ: 1e-12, ns: 1e-9, W: 1, 'TFLOP/s': 1e12 };

/** A cited figure in SI units (J, s, W, FLOP/s). */
export function siValue(c: Citation): number {
  const factor = SI[c.unit];
  if (factor === undefined) throw loihiError('LOIHI_BAD_ARGUMENT', `energy figure "${c.figure}" has unit ${c.unit}; use pJ, ns, W or TFLOP/s`, c.figure);
  return c.value * factor;
}
