import { roundHalfEven } from '../round.js';
import { shiftBits, type SynapseFormat } from './synapse-format.js';

/** Options of {@link discretizeWeights}. */
export interface DiscretizeWeightsOptions {
  /**
   * Mimic the chip's two-part shift, which loses bits for small weight exponents (default true,
   * as on the chip); false shifts once by 6 + shift + weightExp.
   */
  readonly lossyShift?: boolean;
  /** Receives "Lost N extra bits in weight rounding". */
  readonly onWarning?: (message: string) => void;
}

/**
 * Quantize scaled weights (in [-255, 255]) to the chip's integers (Nengo Loihi `discretize_weights`,
 * spec §2.4): `q = clip(round(w/2^shift), -m, m)` with `m = 2^(8-shift) - 1`, then shifted by
 * `shift + weightExp` (rounded first when that is negative) and by 6. Returns a new Int32Array.
 */
export function discretizeWeights(
  w: ArrayLike<number>,
  format: SynapseFormat,
  weightExp: number,
  options: DiscretizeWeightsOptions = {},
): Int32Array {
  const s = shiftBits(format);
  const m = 2 ** (8 - s) - 1;
  const s2 = s + weightExp;
  const lossy = options.lossyShift ?? true;
  if (lossy && s2 < 0) options.onWarning?.(`Lost ${-s2} extra bits in weight rounding`);
  const out = new Int32Array(w.length);
  for (let i = 0; i < w.length; i++) {
    let q = clip(roundHalfEven(w[i]! / 2 ** s), m);
    if (!lossy) {
      out[i] = shift(q, 6 + s2);
      continue;
    }
    // Round before the right shift: shifting alone floors, biasing weights toward smaller values.
    if (s2 < 0) q = clip(roundHalfEven(q * 2 ** s2) / 2 ** s2, m);
    out[i] = shift(q, s2) << 6;
  }
  return out;
}

function clip(x: number, m: number): number {
  return x < -m ? -m : x > m ? m : x;
}

function shift(x: number, s: number): number {
  return s < 0 ? x >> -s : x << s;
}
