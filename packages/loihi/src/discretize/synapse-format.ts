/** How a synapse's weights are stored (the part of Nengo Loihi's `SynapseConfig` that shapes them). */
export interface SynapseFormat {
  /** Real weight bits, 1..8 (`WEIGHT_BITS_MAP[weight_bits]`; code 7 = 8 bits). */
  readonly weightBits: number;
  /** Mixed-sign fanout (`fanout_type` 1): costs one bit of magnitude. */
  readonly mixedSign: boolean;
}

/** The format Nengo Loihi uses for dense and sparse weights: 8 real bits, mixed sign (shift 1). */
export const DENSE_SYNAPSE_FORMAT: SynapseFormat = { weightBits: 8, mixedSign: true };

/** Bits the -256..255 weight is right-shifted by: `8 - weightBits + mixedSign`. */
export function shiftBits(format: SynapseFormat): number {
  return 8 - format.weightBits + (format.mixedSign ? 1 : 0);
}
