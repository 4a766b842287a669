import { compartmentName, type CompartmentConfig } from './compartment-config.js';
import { decayMagnitude } from './decay-magnitude.js';
import { decayUInt, decayVInt } from './integer-decay.js';
import { biasToManExp, vthToManExp } from './mantissa-exponent.js';
import { searchScales } from './scale-search.js';
import { vmaxInt, vminInt } from './voltage-limits.js';

/** A block's compartments in chip integers, with the scales that map float values to them. */
export interface DiscretizedCompartment {
  /** The block's label. */
  readonly label: string;
  /** Number of compartments. */
  readonly n: number;
  /** Current decay register (0..4095; the chip adds 1). */
  readonly decayU: number;
  /** Voltage decay register (0..4095). */
  readonly decayV: number;
  /** Refractory delay in steps (1 = none). */
  readonly refractDelay: number;
  /** Stored thresholds, vthMan * 64. */
  readonly vth: Int32Array;
  /** Threshold mantissas. */
  readonly vthMan: Int32Array;
  /** Stored biases, biasMan * 2^biasExp. */
  readonly bias: Int32Array;
  /** Bias mantissas. */
  readonly biasMan: Int32Array;
  /** Bias exponents (0..7). */
  readonly biasExp: Int32Array;
  /** Lower voltage limit (1 - 2^e). */
  readonly vmin: number;
  /** Upper voltage limit (2^(9+2e) - 1). */
  readonly vmax: number;
  /** Voltage scale: chip voltage = float voltage * vScale. */
  readonly vScale: number;
  /** Bias scale. */
  readonly bScale: number;
  /** Weight scale before the per-synapse exponent. */
  readonly wScale: number;
  /** Block weight exponent (0 .. -7). */
  readonly wExp: number;
  /** 1/decayMagnitude of the current decay (1 when current is not scaled). */
  readonly uInfactor: number;
  /** 1/decayMagnitude of the voltage decay (1 when voltage is not scaled). */
  readonly vInfactor: number;
}

/**
 * Discretize a block's compartments (Nengo Loihi `discretize_compartment`, spec §2.2-§2.3):
 * integer decays, the scale search given the block's largest |weight| `wMax` (0 without synapses),
 * threshold and bias mantissa/exponent, vmin/vmax. Pure: `comp` is not changed.
 * Throws `LOIHI_BUILD` ("Could not find appropriate weight exponent" / "bias scaling").
 */
export function discretizeCompartment(comp: CompartmentConfig, wMax: number): DiscretizedCompartment {
  const decayU = decayUInt(comp.decayU);
  const decayV = decayVInt(comp.decayV);
  // The infactors use the integer decays: they correct for the chip's own rounding.
  const uInfactor = comp.scaleU ? 1 / decayMagnitude(decayU, 1) : 1;
  const vInfactor = comp.scaleV ? 1 / decayMagnitude(decayV, 0) : 1;
  const scales = searchScales(comp, wMax, uInfactor, vInfactor);
  const where = compartmentName(comp);
  const vth = vthToManExp(scales.vth, where);
  const bias = biasToManExp(scales.bias, where);
  return {
    label: comp.label,
    n: comp.n,
    decayU,
    decayV,
    refractDelay: comp.refractDelay,
    vth: vth.value,
    vthMan: vth.man,
    bias: bias.value,
    biasMan: bias.man,
    biasExp: bias.exp,
    vmin: vminInt(comp.vmin, scales.vScale),
    vmax: vmaxInt(comp.vmax, scales.vScale),
    vScale: scales.vScale,
    bScale: scales.bScale,
    wScale: scales.wScale,
    wExp: scales.wExp,
    uInfactor,
    vInfactor,
  };
}
