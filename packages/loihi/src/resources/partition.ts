import { loihiError } from '../error-codes.js';
import { blockShape as checkBlockShape, blockTiles, nSplits, type BlockShape } from './block-shape.js';
import type { LoihiLayer } from './layer.js';
import { blockFits, loihiCoreLimits, type BlockResources } from './limits.js';
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

/** Largest fraction of any core limit over a layer's blocks. */
function worstFraction(blocks: readonly BlockResources[]): number {
  let worst = 0;
  for (const b of blocks)
    worst = Math.max(worst, b.compartments / loihiCoreLimits.compartments, b.inAxons / loihiCoreLimits.inAxons,
      b.outAxonSlots / loihiCoreLimits.outAxons, b.synapseBits / loihiCoreLimits.synapseBits);
  return worst;
}

interface Tiling { shape: BlockShape; tiles: TileCounts[]; blocks: BlockResources[]; worst: number }

/**
 * The fewest-block tiling of one layer whose blocks all fit a core, the next layer's tiling being
 * `nextTiles` (it sets the output axons); among tilings with that many blocks, the one with the
 * lowest worst-case utilization.
 */
function bestLayerTiling(chip: ChipLayer, nextTiles: readonly TileCounts[]): Tiling {
  let best: Tiling | null = null;
  for (const shape of candidateBlockShapes(chip.layer.shape)) {
    if (best && nSplits(shape) > nSplits(best.shape)) break;
    const tiles = splitLayerTiles(chip, blockTiles(shape));
    if (!tiles.every((t) => blockFits({ compartments: t.tile.length, inAxons: t.synapse?.nAxons ?? 0, outAxonSlots: 0, synapseBits: t.synapse?.bits ?? 0 }))) continue;
    const blocks = layerBlocks(chip, tiles, nextTiles);
    if (!blocks.every(blockFits)) continue;
    const worst = worstFraction(blocks);
    if (!best || worst < best.worst) best = { shape, tiles, blocks, worst };
  }
  if (!best)
    throw loihiError('LOIHI_LIMIT', `${chip.layer.name}: no block shape fits this layer on Loihi cores (one compartment's inputs or outputs exceed a core); make the layer's fan-in or fan-out smaller`, chip.layer.name);
  return best;
}

/**
 * Automatic partitioner: for every on-chip layer, searches shape-aware tilings (a tile size per axis,
 * plus the sequential split) for the fewest blocks that each fit one core (compartments, input and
 * output axons, synapse bits). Layers are chosen from the last to the first, since a layer's output
 * axons depend on how the next layer is split. The partition's `layers[i].blockShape` are the chosen
 * block shapes.
 */
export function autoPartition(layers: readonly LoihiLayer[]): NetworkPartition {
  const chips = chipLayers(layers);
  const chosen: Tiling[] = new Array<Tiling>(chips.length);
  for (let i = chips.length - 1; i >= 0; i--) chosen[i] = bestLayerTiling(chips[i]!, chosen[i + 1]?.tiles ?? []);
  const parts = chips.map((c, i) => ({
    name: c.layer.name,
    blockShape: checkBlockShape(chosen[i]!.shape.shape, chosen[i]!.shape.ensembleShape),
    blocks: chosen[i]!.blocks,
  }));
  return { layers: parts, cores: parts.reduce((n, p) => n + p.blocks.length, 0) };
}
