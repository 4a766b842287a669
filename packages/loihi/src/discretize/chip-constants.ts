/** Largest threshold mantissa (17 bits). */
export const VTH_MAN_MAX = 2 ** 17 - 1;
/** Threshold exponent: thresholds are stored as mantissa * 2^6. */
export const VTH_EXP = 6;
/** Largest threshold: 131071 * 64 = 8388544. */
export const VTH_MAX = VTH_MAN_MAX * 2 ** VTH_EXP;
/** Largest bias mantissa (12 bits + sign). */
export const BIAS_MAN_MAX = 4095;
/** Largest bias exponent. */
export const BIAS_EXP_MAX = 7;
/** Largest bias magnitude: 4095 * 128 = 524160. */
export const BIAS_MAX = BIAS_MAN_MAX * 2 ** BIAS_EXP_MAX;
/** Bits (without sign) of the synaptic input accumulator q0. */
export const Q_BITS = 21;
/** Bits (without sign) of the compartment current u. */
export const U_BITS = 23;
/** Weights are scaled to this largest magnitude before the 8-bit format (spec §2.3). */
export const W_SCALED_MAX = 255;

/** `SynapseConfig.get_scale`: the integer weight scale of a weight exponent, 2^(6 + weightExp). */
export function weightExpScale(weightExp: number): number {
  return 2 ** (6 + weightExp);
}
