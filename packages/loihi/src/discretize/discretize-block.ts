import type { CompartmentConfig } from './compartment-config.js';
import { discretizeCompartment, type DiscretizedCompartment } from './discretize-compartment.js';
import { maxAbs } from './max-abs.js';
import { discretizeSynapse, type BlockSynapse, type DiscretizedSynapse } from './discretize-synapse.js';
import type { DiscretizeWeightsOptions } from './discretize-weights.js';

/** A block in chip integers: its compartments and the synapses into it, with the quantization report. */
export interface DiscretizedBlock extends DiscretizedCompartment {
  /** Largest |float weight| over the block's synapses (0 without synapses). */
  readonly wMax: number;
  /** The synapses, in the order given. */
  readonly synapses: readonly DiscretizedSynapse[];
}

/**
 * Discretize a block (Nengo Loihi `discretize_block`, spec §2.3-§2.4): the scale search uses the
 * largest |weight| over all its synapses, then each synapse is quantized with the block's scale.
 * Pure: the inputs are not changed. Throws `LOIHI_BUILD` as {@link discretizeCompartment} does.
 */
export function discretizeBlock(
  comp: CompartmentConfig,
  synapses: readonly BlockSynapse[] = [],
  options: DiscretizeWeightsOptions = {},
): DiscretizedBlock {
  const wMax = synapses.reduce((m, s) => Math.max(m, maxAbs(s.weights)), 0);
  const compartment = discretizeCompartment(comp, wMax);
  return {
    ...compartment,
    wMax,
    synapses: synapses.map((s) => discretizeSynapse(s, wMax, compartment.wScale, compartment.wExp, options)),
  };
}
