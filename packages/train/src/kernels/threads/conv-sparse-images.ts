import type { ConvGeometry } from '../conv-geometry.js';
import type { TrainWasm } from '../wasm/train-wasm.js';
import { decodeGeometry, encodeGeometry } from './geometry-args.js';

/** Where one part of a sparse conv + bias + ReLU reads and writes (byte offsets in tfjs's memory). */
export interface ConvSparseImagesArgs {
  readonly px: number;
  /** The filter as [kH, kW, inC, outC], the bias, the output. */
  readonly pw: number;
  readonly pb: number;
  readonly py: number;
  /** Room for one pixel's list (kH*kW*inC entries of two words), this part's own. */
  readonly pList: number;
  /** A float per position of x (0: no demand map), see `conv_sparse`. */
  readonly pDemand: number;
  /** The list-building swizzle table (`compressTable`). */
  readonly pTable: number;
  /** Images [n0, n1). */
  readonly n0: number;
  readonly n1: number;
}

const FIELDS = ['px', 'pw', 'pb', 'py', 'pList', 'pDemand', 'pTable', 'n0', 'n1'] as const;

/** The arguments as numbers, for a helper thread. */
export function encodeConvSparseImages(a: ConvSparseImagesArgs, g: ConvGeometry): number[] {
  return [...FIELDS.map((k) => a[k]), ...encodeGeometry(g)];
}

/** relu(conv2d(x, w) + b) of images [n0, n1) from x's nonzero entries (`convSparse`); runs on any thread with the kernels on the same memory. */
export function convSparseImages(simd: TrainWasm, _memory: WebAssembly.Memory, args: ArrayLike<number>): void {
  const a = Object.fromEntries(FIELDS.map((k, i) => [k, args[i]])) as unknown as ConvSparseImagesArgs;
  simd.convSparse(a.px, a.pw, a.pb, a.py, a.n0, a.n1, a.pList, a.pDemand, a.pTable, decodeGeometry(args, FIELDS.length));
}
