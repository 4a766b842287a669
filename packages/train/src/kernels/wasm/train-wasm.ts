import type { ConvGeometry } from '../conv-geometry.js';
import type { WasmBackend } from '../wasm-access.js';
import { trainKernelsSharedWasmBase64 } from './train-kernels-shared.generated.js';
import { trainKernelsWasmBase64 } from './train-kernels.generated.js';

/**
 * snn's WebAssembly SIMD loops, instantiated on tfjs's own WebAssembly memory so they work on
 * tensor data in place. Pointers are byte offsets in that memory; each does what the JS
 * function of the same name does.
 */
export interface TrainWasm {
  im2colTransposed(px: number, po: number, p0: number, p1: number, g: ConvGeometry): void;
  interleave(ps: number, pd: number, g: ConvGeometry, ih0: number, rows: number, iw0: number, cols: number): void;
  sumRows(px: number, rows: number, cols: number, po: number, pScratch: number): void;
  reluGrad(pdy: number, px: number, po: number, n: number): void;
  /** dw [R, outC] += the filter gradient of images [n0, n1), straight from x and dy (outC % 4 === 0). */
  dwDirect(px: number, pdy: number, pdw: number, n0: number, n1: number, g: ConvGeometry): void;
  /** dw [kH, kW, inC, outC] += the filter gradient of images [n0, n1) from x's nonzero entries (pList: room for inH*inW*inC entries of four words; outC % 4 === 0). */
  dwSparseX(px: number, pdy: number, pdw: number, n0: number, n1: number, pList: number, g: ConvGeometry): void;
  /** count[co] (i32) = nonzero entries of dy[:, co], dy `pixels` x `outC` (outC % 4 === 0). */
  dyCount(pdy: number, pixels: number, outC: number, pCount: number): void;
  /**
   * Append each nonzero dy[n, oh, ow, co] of `batch` images to co's list at cursor[co] as (byte
   * offset of x[n, oh*sH, ow*sW, 0], value), advancing the cursor; each list needs a spare entry.
   * With a demand map (pDemand, 0 for none) pixels with no tap on a demanded position are summed
   * into pSZ[co] instead.
   */
  dyColumns(pdy: number, batch: number, pCursor: number, pEntries: number, pDemand: number, pSZ: number, g: ConvGeometry): void;
  /** dwT[co, tap, :] += pSZ[co] * x at the image's first undemanded position, for every tap (none if there is no such position). */
  dwRest(px: number, pDemand: number, pSZ: number, pdwT: number, g: ConvGeometry): void;
  /**
   * dw [kH, kW, inC, outC] += the filter gradient of images [n0, n1) of an unpadded conv from x's
   * nonzero entries, listed by patch row per image (pScratch: see dw-x-columns.wat); with a
   * demand map (pDemand, 0 for none) the taps on an image's background sum dy instead.
   */
  dwXColumns(px: number, pdy: number, pdw: number, n0: number, n1: number, pDemand: number, pScratch: number, g: ConvGeometry): void;
  /** dwT[co, kh, kw, ci] += sum of co's entries [start, end) (offset, v) of v * x at that offset and tap (unpadded conv, inC % 4 === 0), channel by channel. */
  dwSparse(px: number, pStart: number, pEnd: number, pEntries: number, pdwT: number, g: ConvGeometry): void;
  /**
   * dx [n0, n1) = the input gradient of an unpadded conv from dy's nonzero entries, wT the filter
   * as [kH, kW, outC, inC] (inC % 4 === 0), pList room for outC entries of two floats, pTable
   * the `compressTable`. With a
   * demand map (pDemand: a float per position of dx, 0 for none) only at positions whose demand
   * is nonzero; the others stay zero.
   */
  dxSparse(pdy: number, pwT: number, pdx: number, n0: number, n1: number, pList: number, pDemand: number, pTable: number, g: ConvGeometry): void;
  /**
   * After `dxSparse` with a demand map: per image of [n0, n1), the true dx's per-channel total
   * over its undemanded positions into the first of them (wSum: the filter summed over its
   * taps, [outC, inC]; pScratch: room for outC + inC floats).
   */
  dxLump(pdy: number, pWsum: number, pdx: number, pDemand: number, n0: number, n1: number, pScratch: number, g: ConvGeometry): void;
  /**
   * out [aCols, 12] += aᵀ b (a [rows, aCols], b [rows, 12]) for out rows [c0, c1), a streamed
   * row by row in place.
   */
  mmTn(pa: number, pb: number, po: number, rows: number, aCols: number, c0: number, c1: number): void;
  /** out [rows, 12] rows [r0, r1) = a w (a [rows, k], w [k, 12]), each row's sum in order of k. */
  mmNnNarrow(pa: number, pw: number, po: number, r0: number, r1: number, k: number): void;
  /** out [rows, cols] rows [r0, r1) = a bT (a [rows, n], bT [n, cols], cols % 4 === 0), each sum in order of n. */
  mmNtNarrow(pa: number, pbT: number, po: number, r0: number, r1: number, n: number, cols: number): void;
  /** out [batch, inH-kH+1, inW-kW+1] = the largest |x| over each kH x kW patch of a one-channel x [batch, inH, inW]. */
  patchDemand(px: number, po: number, batch: number, inH: number, inW: number, kH: number, kW: number): void;
  /** dst [rows, padded] = src [rows, cols]'s first columns, zero past cols. */
  copyColumns(ps: number, pd: number, rows: number, cols: number, padded: number): void;
  /**
   * y [n0, n1) = relu(conv2d(x, w) + b) of an unpadded conv from x's nonzero entries (w as
   * [kH, kW, inC, outC], pList room for kH*kW*inC entries of two words, pTable the
   * `compressTable`); with a demand map (pDemand, 0 for none) the taps on an image's background
   * add a per-image sum (pBgTap: room for kH*kW*outC floats) and pixels wholly on it are computed
   * once.
   */
  convSparse(px: number, pw: number, pb: number, py: number, n0: number, n1: number, pList: number, pDemand: number, pTable: number, pBgTap: number, g: ConvGeometry): void;
  /**
   * y [n0, n1) = relu(conv2d(x, w) + b) of an unpadded conv with few patch values (a first conv)
   * from each patch's nonzero values (pList: room for outC floats and kH*kW*inC entries of two
   * words; outC % 4 === 0); with a demand map (pDemand: each pixel's largest |patch value|, 0 for
   * none) the pixels whose demand is zero get relu(b).
   */
  convFirst(px: number, pw: number, pb: number, py: number, n0: number, n1: number, pList: number, pDemand: number, g: ConvGeometry): void;
  /**
   * A first conv + ReLU's gradients of images [n0, n1) in one pass over dy and the output y:
   * db += the sum of dy where y > 0, dw [kH*kW*inC, outC] += x times it (pImage: scratch of
   * outH*outW * (outC + kH*kW*inC + 1) floats; outC % 4 === 0). With a demand map (pDemand, 0 for none) the
   * output pixels where dy is known to be zero are skipped (see conv-first-grad.wat).
   */
  convFirstGrad(px: number, pdy: number, py: number, pdw: number, pdb: number, n0: number, n1: number, pImage: number, pDemand: number, g: ConvGeometry): void;
  /**
   * One Adam step over n floats: m', v' and w' (see adam.wat) from w, m, v and the gradient g,
   * with tfjs's float32 operations in its order.
   */
  adamUpdate(pw: number, pm: number, pv: number, pg: number, pwOut: number, pmOut: number, pvOut: number, n: number, k: AdamConstants): void;
  /** The sum over i < n of (p[i] - t)^2 (each square in float32, summed in float64 per block of 1,024). */
  squaredDiffSum(p: number, n: number, t: number): number;
  /** out[i] = (p[i] - t) * k for i < n, in float32. */
  scaledDiff(p: number, out: number, n: number, t: number, k: number): void;
  /** dst [cols, rows] = src [rows, cols] transposed. */
  transpose2d(ps: number, pd: number, rows: number, cols: number): void;
  /** SoftLIFRate: rate[i] and d rate / dJ [i] of current j[i], float32 (rate may alias j). */
  softLif(pj: number, pr: number, pd: number, n: number, sigma: number, tauRc: number, tauRef: number, amplitude: number): void;
  /** QCFS: rate[i] of current j[i] (rate may alias j), equal to `QCFS.rates`. */
  qcfs(pj: number, pr: number, n: number, levels: number, threshold: number, amplitude: number): void;
  /** QCFS gradients: dx[i] and the returned d threshold, equal to `qcfsBackward` up to the order of the sum. */
  qcfsGrad(pdy: number, pj: number, pdx: number, n: number, levels: number, threshold: number, amplitude: number): number;
}

/** The float32 constants of one Adam step, as tfjs's AdamOptimizer rounds them. */
export interface AdamConstants {
  readonly beta1: number;
  readonly oneMinusBeta1: number;
  readonly beta2: number;
  readonly oneMinusBeta2: number;
  /** 1 - beta1^t and 1 - beta2^t. */
  readonly oneMinusAccBeta1: number;
  readonly oneMinusAccBeta2: number;
  readonly epsilon: number;
  /** -learningRate. */
  readonly negLearningRate: number;
}

const cache = new WeakMap<WebAssembly.Memory, TrainWasm | null>();

/** tfjs's WebAssembly memory of `backend`. */
export function backendMemory(backend: WasmBackend): WebAssembly.Memory | undefined {
  return backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
}

/** The loops for `backend`'s memory, or undefined when they cannot be instantiated (use the JS ones). */
export function trainWasm(backend: WasmBackend): TrainWasm | undefined {
  const memory = backendMemory(backend);
  if (!memory) return undefined;
  if (!cache.has(memory)) cache.set(memory, createTrainWasm(memory));
  return cache.get(memory) ?? undefined;
}

/** Instantiate the loops on `memory` (shared or not); null if this engine cannot. */
export function createTrainWasm(memory: WebAssembly.Memory): TrainWasm | null {
  const shared = typeof SharedArrayBuffer === 'function' && memory.buffer instanceof SharedArrayBuffer;
  try {
    const base64 = shared ? trainKernelsSharedWasmBase64 : trainKernelsWasmBase64;
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    const e = instance.exports as Record<string, (...args: number[]) => number>;
    return {
      im2colTransposed: (px, po, p0, p1, g) =>
        e.im2col_t(px, po, p0, p1, g.inH, g.inW, g.inC, g.outH, g.outW, g.kH, g.kW, g.strideH, g.strideW, g.padTop, g.padLeft),
      interleave: (ps, pd, g, ih0, rows, iw0, cols) =>
        e.interleave(ps, pd, g.batch, g.inH, g.inW, g.inC, g.strideH, g.strideW, ih0, rows, iw0, cols),
      sumRows: (px, rows, cols, po, pScratch) => e.sum_rows(px, rows, cols, po, pScratch),
      reluGrad: (pdy, px, po, n) => e.relu_grad(pdy, px, po, n),
      transpose2d: (ps, pd, rows, cols) => e.transpose2d(ps, pd, rows, cols),
      mmTn: (pa, pb, po, rows, aCols, c0, c1) => e.mm_tn(pa, pb, po, rows, aCols, c0, c1),
      mmNnNarrow: (pa, pw, po, r0, r1, k) => e.mm_nn_narrow(pa, pw, po, r0, r1, k),
      mmNtNarrow: (pa, pbT, po, r0, r1, n, cols) => e.mm_nt_narrow(pa, pbT, po, r0, r1, n, cols),
      copyColumns: (ps, pd, rows, cols, padded) => e.copy_columns(ps, pd, rows, cols, padded),
      patchDemand: (px, po, batch, inH, inW, kH, kW) => e.patch_demand(px, po, batch, inH, inW, kH, kW),
      softLif: (pj, pr, pd, n, sigma, tauRc, tauRef, amplitude) => e.soft_lif(pj, pr, pd, n, sigma, tauRc, tauRef, amplitude),
      qcfs: (pj, pr, n, levels, threshold, amplitude) => e.qcfs(pj, pr, n, levels / threshold, (amplitude * threshold) / levels, levels),
      qcfsGrad: (pdy, pj, pdx, n, levels, threshold, amplitude) =>
        amplitude * e.qcfs_grad(pdy, pj, pdx, n, levels / threshold, levels, 1 / levels, 1 / threshold, amplitude),
      dyCount: (pdy, pixels, outC, pCount) => e.dy_count(pdy, pixels, outC, pCount),
      dyColumns: (pdy, batch, pCursor, pEntries, pDemand, pSZ, g) =>
        e.dy_columns(pdy, batch, g.outH, g.outW, g.outC, g.inH, g.inW, g.inC, g.strideH, g.strideW, pCursor, pEntries, g.kH, g.kW, pDemand, pSZ),
      convSparse: (px, pw, pb, py, n0, n1, pList, pDemand, pTable, pBgTap, g) =>
        e.conv_sparse(px, pw, pb, py, n0, n1, g.inH, g.inW, g.inC, g.outH, g.outW, g.outC, g.kH, g.kW, g.strideH, g.strideW, pList, pDemand, pTable, pBgTap),
      convFirst: (px, pw, pb, py, n0, n1, pList, pDemand, g) =>
        e.conv_first(px, pw, pb, py, n0, n1, g.inH, g.inW, g.inC, g.outH, g.outW, g.outC, g.kH, g.kW, g.strideH, g.strideW, pList, pDemand),
      convFirstGrad: (px, pdy, py, pdw, pdb, n0, n1, pImage, pDemand, g) =>
        e.conv_first_grad(px, pdy, py, pdw, pdb, n0, n1, g.inH, g.inW, g.inC, g.outH, g.outW, g.outC, g.kH, g.kW, g.strideH, g.strideW, g.padTop, g.padLeft, pImage, pDemand),
      squaredDiffSum: (p, n, t) => e.squared_diff_sum(p, n, t),
      scaledDiff: (p, out, n, t, k) => e.scaled_diff(p, out, n, t, k),
      adamUpdate: (pw, pm, pv, pg, pwOut, pmOut, pvOut, n, k) =>
        e.adam_update(pw, pm, pv, pg, pwOut, pmOut, pvOut, n, k.beta1, k.oneMinusBeta1, k.beta2, k.oneMinusBeta2, k.oneMinusAccBeta1, k.oneMinusAccBeta2, k.epsilon, k.negLearningRate),
      dwRest: (px, pDemand, pSZ, pdwT, g) => e.dw_rest(px, pDemand, g.inH * g.inW, pSZ, pdwT, g.outC, g.kH * g.kW, g.inC),
      dwXColumns: (px, pdy, pdw, n0, n1, pDemand, pScratch, g) =>
        e.dw_x_columns(px, pdy, pdw, n0, n1, g.inH, g.inW, g.inC, g.outH, g.outW, g.outC, g.kH, g.kW, g.strideH, g.strideW, pDemand, pScratch),
      dwSparse: (px, pStart, pEnd, pEntries, pdwT, g) => e.dw_sparse(px, pStart, pEnd, pEntries, pdwT, g.outC, g.inC, g.kH, g.kW, g.inW),
      dxSparse: (pdy, pwT, pdx, n0, n1, pList, pDemand, pTable, g) =>
        e.dx_sparse(pdy, pwT, pdx, n0, n1, g.outH, g.outW, g.outC, g.inH, g.inW, g.inC, g.kH, g.kW, g.strideH, g.strideW, pList, pDemand, pTable),
      dxLump: (pdy, pWsum, pdx, pDemand, n0, n1, pScratch, g) =>
        e.dx_lump(pdy, pWsum, pdx, pDemand, n0, n1, g.outH * g.outW, g.outC, g.inH * g.inW, g.inC, pScratch),
      dwSparseX: (px, pdy, pdw, n0, n1, pList, g) =>
        e.dw_sparse_x(px, pdy, pdw, n0, n1, g.inH, g.inW, g.inC, g.outH, g.outW, g.outC, g.kH, g.kW, g.strideH, g.strideW, g.padTop, g.padLeft, pList),
      dwDirect: (px, pdy, pdw, n0, n1, g) =>
        e.dw_direct(px, pdy, pdw, n0, n1, g.inH, g.inW, g.inC, g.outH, g.outW, g.outC, g.kH, g.kW, g.strideH, g.strideW, g.padTop, g.padLeft),
    };
  } catch {
    return null;
  }
}
