import { bitsPerAxon, denseSynapseFormat, realIndexBits } from './bits-per-axon.js';
import type { SynapseGeometry } from './synapse-geometry.js';

/** What a block's share of a split synapse holds (Nengo Loihi `split_synapse`). */
export interface SplitSynapse {
  /** Input axons that reach the block (`n_axons` of the new synapse). */
  nAxons: number;
  /** Synapse memory bits of the new synapse (identical weight arrays stored once). */
  bits: number;
  /** For each old axon, whether the new synapse keeps it. */
  usedAxons: Uint8Array;
}

/**
 * Splits an unsplit synapse to one block holding old compartments `tile` (new compartment k = tile[k]),
 * as `split_synapse` / `set_new_synapse_weights` do: an axon is kept when it reaches the block, its
 * weights and indices are restricted and remapped (population weights keep `base = min index mod 256`),
 * and identical (weights, indices) pairs are stored once. `whole` = the block is the unsplit layer.
 */
export function splitSynapse(geom: SynapseGeometry, tile: Int32Array, nPost: number, whole: boolean): SplitSynapse {
  if (!geom.entries) {
    // dense weights: every axon reaches every compartment and holds its own row
    const perAxon = bitsPerAxon(geom.atoms * tile.length, denseSynapseFormat);
    return { nAxons: geom.nAxons, bits: geom.nAxons * perAxon, usedAxons: new Uint8Array(geom.nAxons).fill(1) };
  }
  const newIndex = new Int32Array(nPost).fill(-1);
  for (let k = 0; k < tile.length; k++) newIndex[tile[k]!] = k;
  const usedAxons = new Uint8Array(geom.nAxons);
  const sizes = new Map<string, number>();
  let maxIndex = 0;
  let nAxons = 0;
  const kept: number[] = [];
  const ids: number[] = [];
  for (let a = 0; a < geom.nAxons; a++) {
    const targets = geom.targets[a];
    if (!targets) continue;
    kept.length = 0;
    ids.length = 0;
    for (let t = 0; t < targets.length; t++) {
      const id = newIndex[targets[t]!]!;
      if (id >= 0) { kept.push(t); ids.push(id); }
    }
    if (ids.length === 0) continue;
    usedAxons[a] = 1;
    nAxons++;
    const entries = geom.entries[a]!;
    // population weights keep the compartment base below 256 and the rest in the indices
    const base = Math.min(...ids) % 256;
    const key = kept.map((t) => entries[t]).join(',') + '|' + ids.map((v) => v - base).join(',');
    for (const v of ids) maxIndex = Math.max(maxIndex, v - base);
    if (!sizes.has(key)) sizes.set(key, geom.atoms * ids.length);
  }
  const format = { weightBits: 8, idxBits: realIndexBits(maxIndex), compression: 0 as const };
  let bits = 0;
  for (const size of sizes.values()) bits += bitsPerAxon(size, format);
  return { nAxons: whole ? geom.nAxons : nAxons, bits, usedAxons };
}
