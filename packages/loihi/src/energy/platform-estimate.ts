import type { Citation } from './citation.js';

/** A bounded quantity: `min` and `max` are equal when the figures pin it down. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** One line of an energy breakdown: what was counted, how many, and its energy. */
export interface EnergyTerm {
  /** The operation, e.g. "synaptic ops". */
  readonly name: string;
  /** How many per inference. */
  readonly count: number;
  /** Its energy per inference (J). */
  readonly energyJ: Range;
}

/** Energy and latency per inference on one platform, with the cited figures behind them. */
export interface PlatformEstimate {
  /** Platform name, e.g. "Loihi" or "GPU (Tesla V100)". */
  readonly platform: string;
  /** Energy per inference (J). */
  readonly energyJ: Range;
  /** Latency per inference (s); a bound is null where no cited figure gives it. */
  readonly latencyS: { readonly min: number | null; readonly max: number | null };
  /** The energy broken down by operation. */
  readonly terms: readonly EnergyTerm[];
  /** Every figure the estimate used. */
  readonly citations: readonly Citation[];
  /** What the estimate leaves out and how to read its bounds. */
  readonly notes: readonly string[];
}

/** A term whose energy is `count` times a per-operation energy range (J). */
export function term(name: string, count: number, perOpJ: Range): EnergyTerm {
  return { name, count, energyJ: { min: count * perOpJ.min, max: count * perOpJ.max } };
}

/** The sum of the terms' energies. */
export function totalEnergy(terms: readonly EnergyTerm[]): Range {
  let min = 0;
  let max = 0;
  for (const t of terms) {
    min += t.energyJ.min;
    max += t.energyJ.max;
  }
  return { min, max };
}
