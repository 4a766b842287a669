import { loihiError } from '../error-codes.js';
import type { SparseSynapse } from './sparse-synapse.js';

/** Checks a CSR synapse against its source and target sizes (row pointers, target range). */
export function checkSparse(syn: SparseSynapse<Int32Array | Float64Array>, nAxons: number, nTarget: number): void {
  const where = `synapse ${syn.source} -> ${syn.target}`;
  const bad = (what: string): never => {
    throw loihiError('LOIHI_BAD_ARGUMENT', what, where);
  };
  const { rowStart, targets, weights } = syn;
  if (rowStart.length !== nAxons + 1) bad(`rowStart has ${rowStart.length} values; expected source size + 1 = ${nAxons + 1}`);
  if (targets.length !== weights.length) bad(`targets has ${targets.length} values and weights ${weights.length}; give one target per weight`);
  if (rowStart[0] !== 0 || rowStart[nAxons] !== targets.length) bad(`rowStart must run from 0 to the number of weights (${targets.length}), got ${rowStart[0]} .. ${rowStart[nAxons]}`);
  for (let a = 0; a < nAxons; a++) if (rowStart[a + 1]! < rowStart[a]!) bad(`rowStart must not decrease (axon ${a})`);
  for (let i = 0; i < targets.length; i++) {
    const c = targets[i]!;
    if (!Number.isInteger(c) || c < 0 || c >= nTarget) bad(`target ${c} at position ${i} is outside the ${nTarget} compartments of "${syn.target}"`);
  }
}

/**
 * CSR spike delivery (spec §3.1 step 2), allocation-free: for every sample and every source axon
 * that spiked, add its stored weights to their target compartments. Integer sums wrap at 32 bits.
 */
export function deliverSparseSpikes(
  spiked: Uint8Array,
  nSamples: number,
  rowStart: Int32Array,
  targets: Int32Array,
  weights: Int32Array | Float64Array,
  input: Int32Array | Float64Array,
  nTarget: number,
): void {
  const nAxons = rowStart.length - 1;
  for (let s = 0; s < nSamples; s++) {
    const spikeBase = s * nAxons;
    const inputBase = s * nTarget;
    for (let a = 0; a < nAxons; a++) {
      if (spiked[spikeBase + a] === 0) continue;
      const e1 = rowStart[a + 1];
      for (let e = rowStart[a]; e < e1; e++) input[inputBase + targets[e]] += weights[e];
    }
  }
}
