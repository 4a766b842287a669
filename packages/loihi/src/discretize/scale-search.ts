import { roundHalfEven } from '../round.js';
import { loihiError } from '../error-codes.js';
import { compartmentName, type CompartmentConfig } from './compartment-config.js';
import { maxAbs } from './max-abs.js';
import { BIAS_MAX, Q_BITS, VTH_MAX, W_SCALED_MAX, weightExpScale } from './chip-constants.js';

/** The scales chosen for a block: float value * scale = chip integer (before mantissa rounding). */
export interface BlockScales {
  /** Voltage scale (threshold, vmin, vmax; voltage probes divide by it). */
  readonly vScale: number;
  /** Bias scale. */
  readonly bScale: number;
  /** Weight scale: a float weight w becomes w*wScale in [-255, 255] before the synapse format. */
  readonly wScale: number;
  /** Block weight exponent, 0 down to -7. */
  readonly wExp: number;
  /** Thresholds times vScale, rounded. */
  readonly vth: Float64Array;
  /** Biases times bScale, rounded. */
  readonly bias: Float64Array;
}

/**
 * Nengo Loihi's scale search (`discretize_compartment`, spec §2.3). With weights (`wMax > 1e-8`)
 * the weight exponent is lowered from 0 to -7 until thresholds and biases fit; with biases only,
 * the bias scale is halved from BIAS_MAX/max|bias| until thresholds fit; otherwise the largest
 * threshold is mapped near 2^21. `uInfactor` and `vInfactor` are 1/decayMagnitude of the integer
 * decays (1 when not scaled). Throws `LOIHI_BUILD` when no exponent or bias scaling fits.
 */
export function searchScales(comp: CompartmentConfig, wMax: number, uInfactor: number, vInfactor: number): BlockScales {
  const bMax = maxAbs(comp.bias);
  if (wMax > 1e-8) {
    const wScale = W_SCALED_MAX / wMax;
    const sScale = 1 / (uInfactor * vInfactor);
    for (let wExp = 0; wExp >= -7; wExp--) {
      const vScale = sScale * wScale * weightExpScale(wExp);
      const bScale = vScale * vInfactor;
      const vth = scaled(comp.vth, vScale);
      const bias = scaled(comp.bias, bScale);
      if (maxOf(vth) <= VTH_MAX && maxAbs(bias) <= BIAS_MAX) return { vScale, bScale, wScale, wExp, vth, bias };
    }
    throw loihiError(
      'LOIHI_BUILD',
      `${compartmentName(comp)}: Could not find appropriate weight exponent. ` +
        `The largest weight (${wMax}) is too small next to the thresholds and biases; scale the weights up or the thresholds/biases down.`,
      comp.label,
    );
  }
  if (bMax > 1e-8) {
    for (let bScale = BIAS_MAX / bMax; bScale * bMax > 1; bScale /= 2) {
      const vScale = bScale / vInfactor;
      const vth = scaled(comp.vth, vScale);
      if (maxOf(vth) <= VTH_MAX) {
        return { vScale, bScale, wScale: (bScale * uInfactor) / weightExpScale(0), wExp: 0, vth, bias: scaled(comp.bias, bScale) };
      }
    }
    throw loihiError(
      'LOIHI_BUILD',
      `${compartmentName(comp)}: Could not find appropriate bias scaling. ` +
        `The thresholds are too large next to the largest bias (${bMax}); lower the thresholds or raise the biases.`,
      comp.label,
    );
  }
  // All thresholds go near vth_max here, so keep them below the accumulator's range.
  const vthMax = Math.min(VTH_MAX, 2 ** Q_BITS - 1);
  const vScale = vthMax / (maxOf(comp.vth) + 1);
  const bScale = vScale * vInfactor;
  return {
    vScale,
    bScale,
    wScale: (vScale * vInfactor * uInfactor) / weightExpScale(0),
    wExp: 0,
    vth: scaled(comp.vth, vScale),
    bias: scaled(comp.bias, bScale),
  };
}

function scaled(values: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = roundHalfEven(values[i]! * scale);
  return out;
}

function maxOf(values: Float64Array): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}
