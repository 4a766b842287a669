/** Synapse memory format of one synapse group (Nengo Loihi `SynapseConfig`, spec §4.2). */
export interface SynapseMemoryFormat {
  /** Real weight bits (8 for Nengo Loihi's default `weight_bits` code 7). */
  weightBits: number;
  /** Real index bits (0, 6..12); counted only when `compression` is 0. */
  idxBits: number;
  /** 0 = sparse with indices (convolution), 3 = dense (every entry stored). */
  compression: 0 | 3;
  /** Delay bits per weight (default 0). */
  delayBits?: number;
  /** Tag bits per weight (default 0). */
  tagBits?: number;
}

/** Index bit widths the chip offers, by `idx_bits` code (`SynapseConfig.INDEX_BITS_MAP`). */
export const indexBitsMap = [0, 6, 7, 8, 9, 10, 11, 12] as const;

/** Weights per synapse memory chunk (`n_synapses + 1`). */
const synapsesPerChunk = 64;
/** Bits of one synapse memory word; each chunk is rounded up to whole words. */
const bitsPerWord = 64;
/** Header bits of a chunk: synapse index (4) and synapse count (6). */
const chunkHeaderBits = 4 + 6;

/**
 * Synapse memory bits used by one axon with `nWeights` weights (`SynapseConfig.bits_per_axon`):
 * chunks of 64 weights, each `n * bitsPerWeight + 10` bits rounded up to a multiple of 64.
 */
export function bitsPerAxon(nWeights: number, format: SynapseMemoryFormat): number {
  let bitsPerWeight = format.weightBits + (format.delayBits ?? 0) + (format.tagBits ?? 0);
  if (format.compression === 0) bitsPerWeight += format.idxBits;
  let bits = 0;
  for (let i = 0; i < nWeights; i += synapsesPerChunk) {
    const n = Math.min(nWeights - i, synapsesPerChunk);
    bits += Math.ceil((n * bitsPerWeight + chunkHeaderBits) / bitsPerWord) * bitsPerWord;
  }
  return bits;
}

/**
 * Real index bits needed to address compartment indices up to `maxIndex` (`Synapse.idx_bits`):
 * the smallest entry of {@link indexBitsMap} covering `ceil(log2(maxIndex + 1))`. Beyond 12 bits Nengo
 * Loihi stores the placeholder code -1, which `INDEX_BITS_MAP[-1]` reads as 12; such a synapse only
 * exists before splitting, so 12 is returned likewise.
 */
export function realIndexBits(maxIndex: number): number {
  const need = Math.ceil(Math.log2(maxIndex + 1));
  return indexBitsMap.find((v) => v >= need) ?? 12;
}

/** Nengo Loihi's dense format (compression 3, 8-bit weights) used by dense connections. */
export const denseSynapseFormat: SynapseMemoryFormat = { weightBits: 8, idxBits: 0, compression: 3 };
