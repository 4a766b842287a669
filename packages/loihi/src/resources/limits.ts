import { loihiError } from '../error-codes.js';

/** Per-core limits of a Loihi core (Nengo Loihi `block.py`, spec §4.1). */
export const loihiCoreLimits = {
  /** Compartments (neurons) per core. */
  compartments: 1024,
  /** Input axons per core. */
  inAxons: 4096,
  /** Output axon slots per core (a pop32 axon takes two). */
  outAxons: 4096,
  /** Synapse memory per core, in bits (16384 words of 64 bits). */
  synapseBits: 16384 * 64,
} as const;

/** What one block (one core) uses: the numbers Nengo Loihi's `validate_block` checks. */
export interface BlockResources {
  /** Block label, e.g. `conv0[0:676:1]`. */
  label: string;
  /** Number of compartments. */
  compartments: number;
  /** Sum of `n_axons` over the block's synapses. */
  inAxons: number;
  /** Sum of axon slots over the block's outgoing axons. */
  outAxonSlots: number;
  /** Sum of synapse memory bits over the block's synapses. */
  synapseBits: number;
}

/**
 * Throws `LOIHI_LIMIT` with Nengo Loihi's wording when a block exceeds a core's limits
 * (checked in `validate_block`'s order: compartments, output axons, input axons, synapse bits).
 */
export function validateBlock(block: BlockResources): void {
  const name = `LoihiBlock(${block.label})`;
  const fix = ' Give this layer a smaller block shape so that it is split over more cores.';
  if (block.compartments > loihiCoreLimits.compartments)
    throw loihiError('LOIHI_LIMIT', `Compartment(${block.label}): Number of compartments (${block.compartments}) exceeded max (${loihiCoreLimits.compartments}).${fix}`, block.label);
  if (block.outAxonSlots > loihiCoreLimits.outAxons)
    throw loihiError('LOIHI_LIMIT', `${name}: Output axons (${block.outAxonSlots}) exceeded max (${loihiCoreLimits.outAxons}).${fix}`, block.label);
  if (block.inAxons > loihiCoreLimits.inAxons)
    throw loihiError('LOIHI_LIMIT', `${name}: Input axons (${block.inAxons}) exceeded max (${loihiCoreLimits.inAxons}).${fix}`, block.label);
  if (block.synapseBits > loihiCoreLimits.synapseBits)
    throw loihiError('LOIHI_LIMIT', `${name}: Total synapse bits (${block.synapseBits}) exceeded max (${loihiCoreLimits.synapseBits}).${fix}`, block.label);
}

/** True when the block fits one core. */
export function blockFits(block: Omit<BlockResources, 'label'>): boolean {
  return block.compartments <= loihiCoreLimits.compartments && block.outAxonSlots <= loihiCoreLimits.outAxons
    && block.inAxons <= loihiCoreLimits.inAxons && block.synapseBits <= loihiCoreLimits.synapseBits;
}
