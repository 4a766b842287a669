import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';

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
  /** This part's gradient, [outC, kH, kW, inC], summed into. */
  readonly pdwT: number;
  /** A float per position of x (0: no demand map; then blocks of one image) and this part's outC sums (see `dyColumns`). */
  readonly pDemand: number;
  readonly pSZ: number;
  /** Images [n0, n1), in blocks of `imagesPerBlock` from image 0. */
  readonly n0: number;
  readonly n1: number;
  readonly imagesPerBlock: number;
}

const FIELDS = ['px', 'pdy', 'capacity', 'pStart', 'pEnd', 'pEntries', 'pdwT', 'pDemand', 'pSZ', 'n0', 'n1', 'imagesPerBlock'] as const;

/** The arguments as numbers, for a helper thread. */
export function encodeDwSparseImages(a: DwSparseImagesArgs, g: ConvGeometry): number[] {
  return [...FIELDS.map((k) => a[k]), ...encodeGeometry(g)];
}

/**
 * The filter gradient of images [n0, n1) of an unpadded conv from dy's nonzero entries, block
 * by block: list each block's nonzero dy by output channel (`dyColumns`), then sum x rows times
 * them for every channel and tap (`dwSparse`) into this part's dwT; with a demand map, image by
 * image, the pixels on the image's background (`dwRest`) apart. Runs on any thread that has
 * the kernels on the same memory (see `KernelThread`).
 */
export function dwSparseImages(simd: TrainWasm, memory: WebAssembly.Memory, args: ArrayLike<number>): void {
  const a = Object.fromEntries(FIELDS.map((k, i) => [k, args[i]])) as unknown as DwSparseImagesArgs;
  const g = decodeGeometry(args, FIELDS.length);
  const imageDy = 4 * g.outH * g.outW * g.outC;
  const imageX = 4 * g.inH * g.inW * g.inC;
  for (let n0 = a.n0; n0 < a.n1; n0 += a.imagesPerBlock) {
    const images = Math.min(a.imagesPerBlock, a.n1 - n0);
    // views made here: the memory may have grown since the last call
    const buffer = memory.buffer;
    const start = new Int32Array(buffer, a.pStart, g.outC);
    const end = new Int32Array(buffer, a.pEnd, g.outC);
    for (let co = 0; co < g.outC; co++) {
      start[co] = co * a.capacity;
      end[co] = start[co]; // the cursor dyColumns advances
    }
    if (!a.pDemand) {
      simd.dyColumns(a.pdy + n0 * imageDy, images, a.pEnd, a.pEntries, 0, 0, g);
      simd.dwSparse(a.px + n0 * imageX, a.pStart, a.pEnd, a.pEntries, a.pdwT, g);
      continue;
    }
    // one image: the pixels on its background are summed apart, then added times that background
    const demand = a.pDemand + 4 * n0 * g.inH * g.inW;
    new Float32Array(buffer, a.pSZ, g.outC).fill(0);
    simd.dyColumns(a.pdy + n0 * imageDy, 1, a.pEnd, a.pEntries, demand, a.pSZ, g);
    simd.dwSparse(a.px + n0 * imageX, a.pStart, a.pEnd, a.pEntries, a.pdwT, g);
    simd.dwRest(a.px + n0 * imageX, demand, a.pSZ, a.pdwT, g);
  }
}
