import type { BlockState } from './block-state.js';
import { fire } from './fire.js';
import { decayInt32 } from '../discretize/integer-decay.js';
import type { LoihiEmulatorBlock } from './types.js';
import { Q_BITS, U_BITS, wrapSigned } from './wrap-signed.js';

/** Bit of {@link loihiCompartmentStep}'s result: q0 overflowed 21 bits + sign. */
export const OVERFLOW_Q0 = 1;
/** Bit of {@link loihiCompartmentStep}'s result: the current u overflowed 23 bits + sign. */
export const OVERFLOW_CURRENT = 2;
/** Bit of {@link loihiCompartmentStep}'s result: u2 = u + bias overflowed 23 bits + sign. */
export const OVERFLOW_U2 = 4;

/**
 * Nengo Loihi's integer `CompartmentState.advance` (spec §3.1 steps 4-8) for one block and
 * all samples, in place and allocation-free (noise and learning are not modelled):
 *
 * 4. `q0 = input`, wrapped to 21 bits + sign
 * 5. `u = decay_int(u, decay_u, offset 1) + q0`, wrapped to 23 bits + sign
 * 6. `u2 = u + bias`, wrapped to 23 bits + sign
 * 7. `v = decay_int(v, decay_v, offset 0) + u2`; clip to [vmin, vmax]; `v = 0` while refractory
 * 8. `spiked = v > vth`; spiked: `v = 0`, `ref = refract_delay`; then `ref = max(ref - 1, 0)`
 *
 * Returns the overflow bits (OVERFLOW_Q0 | OVERFLOW_CURRENT | OVERFLOW_U2) seen this step;
 * the registers hold the wrapped values either way.
 */
export function loihiCompartmentStep(block: LoihiEmulatorBlock, nSamples: number, state: BlockState<Int32Array>): number {
  const { decayU, decayV, vth, bias, refractDelay, vmin, vmax } = block;
  const { input, current, voltage, refCount, spiked, spikeCount } = state;
  const n = vth.length;
  let overflow = 0;
  const ru = 4096 - 1 - decayU; // current: offset 1
  const rv = 4096 - decayV; // voltage: offset 0
  for (let s = 0; s < nSamples; s++) {
    const base = s * n;
    for (let c = 0; c < n; c++) {
      const k = base + c;
      const q = input[k];
      const q0 = wrapSigned(q, Q_BITS);
      if (q0 !== q) overflow |= OVERFLOW_Q0;
      const uRaw = decayInt32(current[k], ru) + q0;
      const u = wrapSigned(uRaw, U_BITS);
      if (u !== uRaw) overflow |= OVERFLOW_CURRENT;
      current[k] = u;
      const u2Raw = u + bias[c];
      const u2 = wrapSigned(u2Raw, U_BITS);
      if (u2 !== u2Raw) overflow |= OVERFLOW_U2;
      voltage[k] = fire(decayInt32(voltage[k], rv) + u2, k, vth[c], vmin, vmax, refractDelay, refCount, spiked, spikeCount);
    }
  }
  return overflow;
}
