import { loihiError } from '../error-codes.js';

/** How a population of shape `ensembleShape` is tiled into blocks of (at most) `shape` (Nengo Loihi `BlockShape`). */
export interface BlockShape {
  /** Tile shape, one entry per population axis. */
  readonly shape: readonly number[];
  /** Population shape (for a convolution, its output shape H, W, C). */
  readonly ensembleShape: readonly number[];
}

const prod = (xs: readonly number[]): number => xs.reduce((a, b) => a * b, 1);

/**
 * Checks and returns a block shape (spec §4.3). `nNeurons`, when given, must equal the product of
 * `ensembleShape`. Errors are `LOIHI_BLOCK_SHAPE` in Nengo Loihi's wording, naming `layer`.
 */
export function blockShape(shape: readonly number[], ensembleShape: readonly number[], nNeurons?: number, layer = 'block shape'): BlockShape {
  if (!Array.isArray(shape) || !Array.isArray(ensembleShape))
    throw loihiError('LOIHI_BLOCK_SHAPE', `${layer}: Must be a tuple`, layer);
  if (![...shape, ...ensembleShape].every((v) => Number.isInteger(v)))
    throw loihiError('LOIHI_BLOCK_SHAPE', `${layer}: All elements must be an int`, layer);
  if (shape.length !== ensembleShape.length)
    throw loihiError('LOIHI_BLOCK_SHAPE', `${layer}: \`shape\` and \`ensemble_shape\` must be the same length (block shape [${shape.join(', ')}] for a layer of shape [${ensembleShape.join(', ')}])`, layer);
  if (![...shape, ...ensembleShape].every((v) => v > 0))
    throw loihiError('LOIHI_BLOCK_SHAPE', `${layer}: block shape [${shape.join(', ')}] and ensemble shape [${ensembleShape.join(', ')}] must be positive`, layer);
  const size = prod(ensembleShape);
  if (nNeurons !== undefined && size !== nNeurons)
    throw loihiError('LOIHI_BLOCK_SHAPE', `${layer}: Block shape ensemble size (\`prod([${ensembleShape.join(', ')}]) = ${size}\`) must match number of ensemble neurons (${nNeurons})`, layer);
  return { shape: [...shape], ensembleShape: [...ensembleShape] };
}

/** Number of blocks: `prod(ceil(ensembleShape / shape))`. */
export function nSplits(b: BlockShape): number {
  return prod(b.ensembleShape.map((n, d) => Math.ceil(n / b.shape[d]!)));
}

/** Compartments of a full tile: `prod(shape)`. */
export function blockSize(b: BlockShape): number {
  return prod(b.shape);
}

/**
 * The tiles in Nengo Loihi's order (`itertools.product` over tile origins, first axis slowest):
 * each tile lists the flat C-order population indices it holds, in C order.
 */
export function blockTiles(b: BlockShape): Int32Array[] {
  const dims = b.ensembleShape;
  const nd = dims.length;
  const strides = dims.map((_, d) => prod(dims.slice(d + 1)));
  const counts = dims.map((n, d) => Math.ceil(n / b.shape[d]!));
  const tiles: Int32Array[] = [];
  const origin = new Array<number>(nd).fill(0);
  for (let t = 0; t < prod(counts); t++) {
    let rest = t;
    for (let d = nd - 1; d >= 0; d--) {
      origin[d] = (rest % counts[d]!) * b.shape[d]!;
      rest = Math.floor(rest / counts[d]!);
    }
    const ext = origin.map((o, d) => Math.min(o + b.shape[d]!, dims[d]!) - o);
    const tile = new Int32Array(prod(ext));
    const idx = new Array<number>(nd).fill(0);
    for (let k = 0; k < tile.length; k++) {
      let flat = 0;
      for (let d = 0; d < nd; d++) flat += (origin[d]! + idx[d]!) * strides[d]!;
      tile[k] = flat;
      for (let d = nd - 1; d >= 0; d--) {
        if (++idx[d]! < ext[d]!) break;
        idx[d] = 0;
      }
    }
    tiles.push(tile);
  }
  return tiles;
}

/**
 * Nengo Loihi's split when no block shape is given (`split_block`): `n = max(ceil(compartments/1024),
 * ceil(inAxons/4096), ceil(outAxonSlots/4096), ceil(bits/1048576))` sequential blocks of `ceil(size/n)`.
 */
export function sequentialBlockShape(unsplit: { compartments: number; inAxons: number; outAxonSlots: number; synapseBits: number }): BlockShape {
  const n = Math.max(
    Math.ceil(unsplit.compartments / 1024), Math.ceil(unsplit.inAxons / 4096),
    Math.ceil(unsplit.outAxonSlots / 4096), Math.ceil(unsplit.synapseBits / (16384 * 64)), 1);
  return { shape: [Math.ceil(unsplit.compartments / n)], ensembleShape: [unsplit.compartments] };
}
