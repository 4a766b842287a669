import { loihiError } from '../error-codes.js';
import { blockShape as checkBlockShape, blockTiles, nSplits, type BlockShape } from './block-shape.js';
import type { LoihiLayer } from './layer.js';
import { blockFits, loihiCoreLimits } from './limits.js';
import { chipLayers, layerBlocks, splitLayerTiles, type ChipLayer, type NetworkPartition, type TileCounts } from './split-network.js';

/** Tile sizes along one axis of length n giving distinct block counts, fewest blocks first. */
function axisTileSizes(n: number): number[] {
  const sizes: number[] = [];
  for (let count = 1; count <= n; count++) {
    const s = Math.ceil(n / count);
    if (Math.ceil(n / s) === count) sizes.push(s);
  }
  return sizes;
}

/**
 * Candidate block shapes of a layer with at most 1024 compartments per block: every shape-aware tiling
 * (one tile size per axis) and Nengo Loihi's sequential split, ordered by number of blocks.
 */
export function candidateBlockShapes(shape: readonly number[]): BlockShape[] {
  let shapes: number[][] = [[]];
  for (const n of shape) shapes = shapes.flatMap((s) => axisTileSizes(n).map((t) => [...s, t]));
  const n = shape.reduce((a, b) => a * b, 1);
  const out: BlockShape[] = shapes
    .filter((s) => s.reduce((a, b) => a * b, 1) <= loihiCoreLimits.compartments)
    .map((s) => ({ shape: s, ensembleShape: [...shape] }));
  if (shape.length > 1) for (const s of axisTileSizes(n)) if (s <= loihiCoreLimits.compartments) out.push({ shape: [s], ensembleShape: [n] });
  return out.sort((a, b) => nSplits(a) - nSplits(b));
}

/** Largest fraction of any in-core limit (compartments, input axons, bits) over a layer's tiles. */
function worstInFraction(tiles: readonly TileCounts[]): number {
  let worst = 0;
  for (const { tile, synapse } of tiles)
    worst = Math.max(worst, tile.length / loihiCoreLimits.compartments,
      (synapse?.nAxons ?? 0) / loihiCoreLimits.inAxons, (synapse?.bits ?? 0) / loihiCoreLimits.synapseBits);
  return worst;
}

/**
 * The fewest-block tiling of one layer whose blocks fit a core (compartments, input axons, synapse
 * bits); among tilings with that many blocks, the one with the lowest worst-case utilization.
 */
function bestLayerTiling(chip: ChipLayer): { shape: BlockShape; tiles: TileCounts[] } {
  let best: { shape: BlockShape; tiles: TileCounts[]; worst: number } | null = null;
  for (const shape of candidateBlockShapes(chip.layer.shape)) {
    if (best && nSplits(shape) > nSplits(best.shape)) break;
    const tiles = splitLayerTiles(chip, blockTiles(shape));
    const fits = tiles.every((t) => blockFits({ compartments: t.tile.length, inAxons: t.synapse?.nAxons ?? 0, outAxonSlots: 0, synapseBits: t.synapse?.bits ?? 0 }));
    if (!fits) continue;
    const worst = worstInFraction(tiles);
    if (!best || worst < best.worst) best = { shape, tiles, worst };
  }
  if (!best)
    throw loihiError('LOIHI_LIMIT', `${chip.layer.name}: no block shape fits this layer on Loihi cores (a single compartment's inputs exceed a core); make the layer's fan-in smaller`, chip.layer.name);
  return best;
}

/**
 * Automatic partitioner: for every on-chip layer, searches shape-aware tilings (a tile size per axis,
 * plus the sequential split) for the fewest blocks that each fit one core, then checks the output
 * axons that the chosen tilings imply. Returns the partition; its `layers[i].blockShape` are the
 * chosen block shapes. Throws `LOIHI_LIMIT` when the output axons of a block exceed a core.
 */
export function autoPartition(layers: readonly LoihiLayer[]): NetworkPartition {
  const chips = chipLayers(layers);
  const chosen = chips.map(bestLayerTiling);
  const parts = chips.map((c, i) => ({
    name: c.layer.name,
    blockShape: checkBlockShape(chosen[i]!.shape.shape, chosen[i]!.shape.ensembleShape),
    blocks: layerBlocks(c, chosen[i]!.tiles, chosen[i + 1]?.tiles ?? []),
  }));
  for (const p of parts)
    for (const b of p.blocks)
      if (b.outAxonSlots > loihiCoreLimits.outAxons)
        throw loihiError('LOIHI_LIMIT', `LoihiBlock(${b.label}): Output axons (${b.outAxonSlots}) exceeded max (${loihiCoreLimits.outAxons}). Give the next layer a block shape with fewer blocks.`, b.label);
  return { layers: parts, cores: parts.reduce((n, p) => n + p.blocks.length, 0) };
}
