import { loihiError } from '../error-codes.js';
import type { BlockState } from './block-state.js';
import { OVERFLOW_CURRENT, OVERFLOW_Q0, OVERFLOW_U2, loihiCompartmentStep } from './compartment-step.js';
import { EmulatorCore } from './emulator-core.js';
import type { LoihiEmulatorBlock, LoihiEmulatorNetwork, LoihiOverflowMode } from './types.js';

/** Options of {@link LoihiEmulator}. */
export interface LoihiEmulatorOptions {
  /** Samples (images) emulated side by side; default 1. */
  readonly nSamples?: number;
  /** Register overflow handling; default 'wrap' (one warning per register). */
  readonly overflow?: LoihiOverflowMode;
}

const REGISTERS: readonly [number, string, string][] = [
  [OVERFLOW_Q0, 'q0', 'the input summed over one step left 21 bits + sign; lower the weights or the spikes arriving per step'],
  [OVERFLOW_CURRENT, 'current', 'the filtered current left 23 bits + sign; lower the weights or shorten the synapse time constant'],
  [OVERFLOW_U2, 'u2', 'current + bias left 23 bits + sign; lower the weights or the bias'],
];

/**
 * Bit-exact integer emulator of discretized Loihi blocks (Nengo Loihi's `EmulatorInterface`,
 * spec §3.1), batched over samples in flat typed arrays and allocation-free per step.
 * A spike emitted on step s changes its targets' current on step s + 1.
 */
export class LoihiEmulator extends EmulatorCore<Int32Array, LoihiEmulatorBlock> {
  /** Overflow handling chosen at construction. */
  readonly overflow: LoihiOverflowMode;
  private readonly warned: string[] = [];

  /** Emulate `network` for `options.nSamples` samples, all state starting at 0. */
  constructor(network: LoihiEmulatorNetwork, options: LoihiEmulatorOptions = {}) {
    super(network, options.nSamples ?? 1, (n) => new Int32Array(n));
    this.overflow = options.overflow ?? 'wrap';
    for (const b of network.blocks) checkBlock(b);
  }

  /** Warnings so far, each register's overflow reported once ("Overflow in q0", ...). */
  get warnings(): readonly string[] {
    return this.warned;
  }

  protected updateBlock(block: LoihiEmulatorBlock, state: BlockState<Int32Array>): void {
    const flags = loihiCompartmentStep(block, this.nSamples, state);
    if (flags === 0) return;
    for (const [bit, name, fix] of REGISTERS) {
      if ((flags & bit) === 0) continue;
      const message = `Overflow in ${name}`;
      if (this.overflow === 'strict') {
        const detail = `${message} (block "${block.label}", step ${this.t}): ${fix}, or run with overflow 'wrap'`;
        throw loihiError('LOIHI_OVERFLOW', detail, block.label);
      }
      if (!this.warned.includes(message)) this.warned.push(message);
    }
  }
}

function checkBlock(b: LoihiEmulatorBlock): void {
  const bad = (what: string): never => {
    throw loihiError('LOIHI_BAD_ARGUMENT', what, b.label);
  };
  for (const [name, d] of [['decayU', b.decayU], ['decayV', b.decayV]] as const) {
    if (!Number.isInteger(d) || d < 0 || d > 4095) bad(`${name} must be an integer in 0..4095, got ${d}`);
  }
  if (!Number.isInteger(b.refractDelay) || b.refractDelay < 1 || b.refractDelay > 63) {
    bad(`refractDelay must be an integer in 1..63, got ${b.refractDelay}`);
  }
  if (!Number.isInteger(b.vmin) || !Number.isInteger(b.vmax) || b.vmin > b.vmax) {
    bad(`vmin and vmax must be integers with vmin <= vmax, got ${b.vmin} and ${b.vmax}`);
  }
}
