/**
 * Spike delivery (spec §3.1 step 2), allocation-free: for every sample and every source axon
 * that spiked, add its weight row to the target's input buffer.
 * `spiked` is `samples x nAxons`, `weights` `nAxons x nTarget`, `input` `samples x nTarget`.
 * Integer sums wrap at 32 bits as Nengo Loihi's int32 buffer does.
 */
export function deliverSpikes(
  spiked: Uint8Array,
  nSamples: number,
  nAxons: number,
  weights: Int32Array | Float64Array,
  nTarget: number,
  input: Int32Array | Float64Array,
): void {
  for (let s = 0; s < nSamples; s++) {
    const spikeBase = s * nAxons;
    const inputBase = s * nTarget;
    for (let a = 0; a < nAxons; a++) {
      if (spiked[spikeBase + a] === 0) continue;
      const row = a * nTarget;
      for (let c = 0; c < nTarget; c++) input[inputBase + c] += weights[row + c];
    }
  }
}
