import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';
import { eachChunk } from './chunk-range.js';
import type { NextChunk } from './kernel-tasks.js';

/** Where one part of a sparse filter gradient reads and writes (byte offsets in tfjs's memory). */
export interface DwSparseImagesArgs {
  readonly px: number;
  readonly pdy: number;
  /** Entries each output channel's list has room for (the pixels of a block, plus one spare). */
  readonly capacity: number;
  /** This part's list starts and cursors (i32, outC each) and its entries. */
  readonly pStart: number;
  readonly pEnd: number;
  readonly pEntries: number;
  /** The first chunk's gradient, [outC, kH, kW, inC], summed into; chunk i's is `dwBytes` * i further. */
  readonly pdwT: number;
  readonly dwBytes: number;
  /** A float per position of x (0: no demand map; then blocks of one image) and this part's outC sums (see `dyColumns`). */
  readonly pDemand: number;
  readonly pSZ: number;
  /** The batch's images go in this many chunks (`chunkRange`), taken from the call's chunk source, in blocks of `imagesPerBlock`. */
  readonly chunks: number;
  readonly imagesPerBlock: number;
}

const FIELDS = ['px', 'pdy', 'capacity', 'pStart', 'pEnd', 'pEntries', 'pdwT', 'dwBytes', 'pDemand', 'pSZ', 'chunks', 'imagesPerBlock'] as const;

/** The arguments as numbers, for a helper thread. */
export function encodeDwSparseImages(a: DwSparseImagesArgs, g: ConvGeometry): number[] {
  return [...FIELDS.map((k) => a[k]), ...encodeGeometry(g)];
}

/**
 * The filter gradient of an unpadded conv from dy's nonzero entries, chunk by chunk of images
 * while the chunk source has any (each chunk into its own gradient), block by block: list each
 * block's nonzero dy by output channel (`dyColumns`), then sum x rows times them for every
 * channel and tap (`dwSparse`) into the chunk's dwT; with a demand map, image by image, the
 * pixels on the image's background (`dwRest`) apart. Runs on any thread that has the kernels
 * on the same memory (see `KernelThread`).
 */
export function dwSparseImages(simd: TrainWasm, memory: WebAssembly.Memory, args: ArrayLike<number>, nextChunk: NextChunk): void {
  const a = Object.fromEntries(FIELDS.map((k, i) => [k, args[i]])) as unknown as DwSparseImagesArgs;
  const g = decodeGeometry(args, FIELDS.length);
  eachChunk(nextChunk, a.chunks, g.batch, a.imagesPerBlock, (n0, n1, i) => dwSparseChunk(simd, memory, a, g, n0, n1, a.pdwT + i * a.dwBytes));
}

/** Images [n0, n1) of {@link dwSparseImages} into the gradient at pdwT. */
function dwSparseChunk(simd: TrainWasm, memory: WebAssembly.Memory, a: DwSparseImagesArgs, g: ConvGeometry, n0: number, n1: number, pdwT: number): void {
  const imageDy = 4 * g.outH * g.outW * g.outC;
  const imageX = 4 * g.inH * g.inW * g.inC;
  for (let b0 = n0; b0 < n1; b0 += a.imagesPerBlock) {
    const images = Math.min(a.imagesPerBlock, n1 - b0);
    // views made here: the memory may have grown since the last call
    const buffer = memory.buffer;
    const start = new Int32Array(buffer, a.pStart, g.outC);
    const end = new Int32Array(buffer, a.pEnd, g.outC);
    for (let co = 0; co < g.outC; co++) {
      start[co] = co * a.capacity;
      end[co] = start[co]; // the cursor dyColumns advances
    }
    if (!a.pDemand) {
      simd.dyColumns(a.pdy + b0 * imageDy, images, a.pEnd, a.pEntries, 0, 0, g);
      simd.dwSparse(a.px + b0 * imageX, a.pStart, a.pEnd, a.pEntries, pdwT, g);
      continue;
    }
    // one image: the pixels on its background are summed apart, then added times that background
    const demand = a.pDemand + 4 * b0 * g.inH * g.inW;
    new Float32Array(buffer, a.pSZ, g.outC).fill(0);
    simd.dyColumns(a.pdy + b0 * imageDy, 1, a.pEnd, a.pEntries, demand, a.pSZ, g);
    simd.dwSparse(a.px + b0 * imageX, a.pStart, a.pEnd, a.pEntries, pdwT, g);
    simd.dwRest(a.px + b0 * imageX, demand, a.pSZ, pdwT, g);
  }
}
