import type { BlockState } from './block-state.js';
import { EmulatorCore } from './emulator-core.js';
import { simrealCompartmentStep } from './simreal-step.js';
import type { SimrealBlock, SimrealNetwork } from './simreal-types.js';

/**
 * The float emulator of undiscretized blocks (Nengo Loihi's target "simreal", spec §3.1 last
 * bullet): same network, delivery, threshold, reset and refractory logic as
 * {@link LoihiEmulator}, in float64 without register limits; batched over samples.
 */
export class SimrealEmulator extends EmulatorCore<Float64Array, SimrealBlock> {
  /** Emulate `network` for `nSamples` samples (default 1), all state starting at 0. */
  constructor(network: SimrealNetwork, nSamples = 1) {
    super(network, nSamples, (n) => new Float64Array(n));
  }

  protected updateBlock(block: SimrealBlock, state: BlockState<Float64Array>): void {
    simrealCompartmentStep(block, this.nSamples, state);
  }
}
