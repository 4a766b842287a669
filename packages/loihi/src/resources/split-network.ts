import { loihiError } from '../error-codes.js';
import { blockShape as checkBlockShape, blockTiles, sequentialBlockShape, type BlockShape } from './block-shape.js';
import type { LoihiLayer } from './layer.js';
import { validateBlock, type BlockResources } from './limits.js';
import { splitSynapse, type SplitSynapse } from './split-synapse.js';
import { synapseGeometry, type SynapseGeometry } from './synapse-geometry.js';

/** One on-chip layer split into blocks, one block per core. */
export interface LayerPartition {
  /** Layer name. */
  name: string;
  /** The block shape used (given, chosen by the partitioner, or Nengo Loihi's sequential split). */
  blockShape: BlockShape;
  /** The blocks in Nengo Loihi's order, with what each uses. */
  blocks: BlockResources[];
}

/** A network split into cores. */
export interface NetworkPartition {
  /** On-chip layers in network order (off-chip layers take no core and are left out). */
  layers: LayerPartition[];
  /** Number of cores (= blocks). */
  cores: number;
}

/** Block shape per layer name; a layer without one gets Nengo Loihi's sequential split. */
export type BlockShapes = Readonly<Record<string, readonly number[]>>;

/** Per on-chip layer: its unsplit synapse and size, shared by the splitter and the partitioner. */
export interface ChipLayer {
  layer: LoihiLayer;
  size: number;
  /** Synapse from an on-chip or off-chip previous layer; null for a layer with no input. */
  geom: SynapseGeometry | null;
  /** Synapse of the next layer when that one is on chip (it receives this layer's axons). */
  next: SynapseGeometry | null;
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** The on-chip layers of a chain network with their synapse geometry. */
export function chipLayers(layers: readonly LoihiLayer[]): ChipLayer[] {
  const geoms = layers.map((l, i) => {
    if (i === 0 || !l.input) {
      if (i > 0) throw loihiError('LOIHI_BAD_ARGUMENT', `${l.name}: a layer after the first needs an input connection`, l.name);
      return null;
    }
    return synapseGeometry(l.input, layers[i - 1]!.shape, l.shape, l.name);
  });
  const out: ChipLayer[] = [];
  layers.forEach((layer, i) => {
    if (layer.offChip) return;
    const nextOnChip = i + 1 < layers.length && !layers[i + 1]!.offChip;
    out.push({ layer, size: size(layer.shape), geom: geoms[i] ?? null, next: nextOnChip ? geoms[i + 1]! : null });
  });
  if (out.length === 0) throw loihiError('LOIHI_BUILD', 'No neurons marked for execution on-chip. Please mark some ensembles as on-chip.');
  return out;
}

/** A layer's blocks before their outgoing axons are known. */
export interface TileCounts { tile: Int32Array; synapse: SplitSynapse | null }

/** Splits one layer's incoming synapse over `tiles`. */
export function splitLayerTiles(chip: ChipLayer, tiles: Int32Array[]): TileCounts[] {
  return tiles.map((tile) => ({ tile, synapse: chip.geom ? splitSynapse(chip.geom, tile, chip.size, tiles.length === 1) : null }));
}

/**
 * Output axon slots of a block holding `tile` of a layer whose next on-chip synapse is `next`, split
 * into `nextTiles` (`split_block_axons` / `split_axon`: one axon per target synapse, counting the
 * distinct axons the block's compartments map to).
 */
export function outAxonSlots(tile: Int32Array, next: SynapseGeometry | null, nextTiles: readonly TileCounts[]): number {
  if (!next) return 0;
  const seen = new Set<number>();
  let total = 0;
  const count = (used: Uint8Array | null): void => {
    seen.clear();
    for (const c of tile) {
      const a = next.axonOf(c);
      if (!used || used[a]) seen.add(a);
    }
    total += seen.size;
  };
  if (nextTiles.length === 1) count(null);
  else for (const t of nextTiles) count(t.synapse!.usedAxons);
  return total * next.slotsPerAxon;
}

/** Nengo Loihi's block label: `name[a:b:step]` for evenly spaced indices, else `name[k]`. */
export function blockLabel(name: string, tile: Int32Array, k: number, nBlocks: number): string {
  if (nBlocks === 1) return name;
  if (tile.length === 1) return `${name}[${tile[0]}:${tile[0]! + 1}]`;
  const d = tile[1]! - tile[0]!;
  const even = tile.every((v, i) => i === 0 || v - tile[i - 1]! === d);
  return even ? `${name}[${tile[0]}:${tile[tile.length - 1]! + 1}:${d}]` : `${name}[${k}]`;
}

/** Nengo Loihi's sequential split of an unsplit layer (no block shape). */
export function defaultBlockShape(chip: ChipLayer): BlockShape {
  const whole = splitLayerTiles(chip, [Int32Array.from({ length: chip.size }, (_, i) => i)])[0]!;
  return sequentialBlockShape({
    compartments: chip.size,
    inAxons: whole.synapse?.nAxons ?? 0,
    outAxonSlots: chip.next ? chip.next.nAxons * chip.next.slotsPerAxon : 0,
    synapseBits: whole.synapse?.bits ?? 0,
  });
}

/** Assembles per-block resources from split tiles (the next layer's tiles give the out slots). */
export function layerBlocks(chip: ChipLayer, tiles: readonly TileCounts[], nextTiles: readonly TileCounts[]): BlockResources[] {
  return tiles.map(({ tile, synapse }, k) => ({
    label: blockLabel(chip.layer.name, tile, k, tiles.length),
    compartments: tile.length,
    inAxons: synapse?.nAxons ?? 0,
    outAxonSlots: outAxonSlots(tile, chip.next, nextTiles),
    synapseBits: synapse?.bits ?? 0,
  }));
}

/**
 * Splits a chain network into blocks as Nengo Loihi's `split_model` does, with the given block
 * shapes (others: the sequential split), and checks every block against the core limits
 * (`LOIHI_LIMIT` in Nengo Loihi's wording) unless `validate` is false.
 */
export function splitNetwork(layers: readonly LoihiLayer[], blockShapes: BlockShapes = {}, validate = true): NetworkPartition {
  const chips = chipLayers(layers);
  for (const name of Object.keys(blockShapes))
    if (!chips.some((c) => c.layer.name === name))
      throw loihiError('LOIHI_BLOCK_SHAPE', `${name}: a block shape is given for a layer that is not on chip; on-chip layers: ${chips.map((c) => c.layer.name).join(', ')}`, name);
  const shapes = chips.map((c) => {
    const given = blockShapes[c.layer.name];
    return given ? checkBlockShape(given, c.layer.shape, c.size, c.layer.name) : defaultBlockShape(c);
  });
  const tiles = chips.map((c, i) => splitLayerTiles(c, blockTiles(shapes[i]!)));
  const parts = chips.map((c, i) => ({ name: c.layer.name, blockShape: shapes[i]!, blocks: layerBlocks(c, tiles[i]!, tiles[i + 1] ?? []) }));
  if (validate) for (const p of parts) for (const b of p.blocks) validateBlock(b);
  return { layers: parts, cores: parts.reduce((n, p) => n + p.blocks.length, 0) };
}
