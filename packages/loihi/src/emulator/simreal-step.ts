import type { BlockState } from './block-state.js';
import { fire } from './fire.js';
import type { SimrealBlock } from './simreal-types.js';

/**
 * The float ("simreal") compartment update (spec §3.1, last bullet) for one block and all
 * samples, in place and allocation-free: `u = (1 - dU) u + sU q0`, `u2 = u + bias`,
 * `v = (1 - dV) v + sV u2`, then the same clip, refractory, `v > vth`, reset as the chip.
 */
export function simrealCompartmentStep(block: SimrealBlock, nSamples: number, state: BlockState<Float64Array>): void {
  const { decayU, decayV, vth, bias, refractDelay, vmin, vmax } = block;
  const { input, current, voltage, refCount, spiked, spikeCount } = state;
  const keepU = 1 - decayU;
  const keepV = 1 - decayV;
  const scaleU = block.scaleU ? decayU : 1;
  const scaleV = block.scaleV ? decayV : 1;
  const n = vth.length;
  for (let s = 0; s < nSamples; s++) {
    const base = s * n;
    for (let c = 0; c < n; c++) {
      const k = base + c;
      const u = keepU * current[k] + scaleU * input[k];
      current[k] = u;
      voltage[k] = fire(keepV * voltage[k] + scaleV * (u + bias[c]), k, vth[c], vmin, vmax, refractDelay, refCount, spiked, spikeCount);
    }
  }
}
