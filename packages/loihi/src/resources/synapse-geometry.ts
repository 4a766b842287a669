import { loihiError } from '../error-codes.js';
import type { LoihiConnection } from './layer.js';

/**
 * The unsplit synapse of a connection (Nengo Loihi `conv2d_loihi_weights` / `set_weights`), at the
 * index level: for each input axon, the post compartments it reaches (C order), and a key that is
 * equal for two axons exactly when their weight arrays are equal for generic (random) weights.
 */
export interface SynapseGeometry {
  /** `Synapse.n_axons` of the unsplit synapse (a conv layer: every input pixel, used or not). */
  nAxons: number;
  /** Weight rows per axon (input channels for conv, 1 for dense). */
  atoms: number;
  /** Post compartments per axon; null for an axon no output uses. */
  targets: (Int32Array | null)[];
  /**
   * Conv only: for each axon and target, the kernel entry (kernel row, col, filter; flat) its weight
   * comes from. Two restricted weight arrays are equal exactly when their entries are. Dense: null
   * (every axon's weights are its own).
   */
  entries: (Int32Array | null)[] | null;
  /** Axon slots per axon on the pre side (2 for pop32). */
  slotsPerAxon: number;
  /** Axon index of pre compartment `c` (conv: its pixel; dense: itself). */
  axonOf: (c: number) => number;
}

/** Output shape of a conv2d (channels-last) from its input shape and settings. */
export function conv2dOutputShape(inShape: readonly number[], c: Extract<LoihiConnection, { kind: 'conv2d' }>, filters: number): [number, number, number] {
  const out = (n: number, k: number, s: number): number => (c.padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1);
  return [out(inShape[0]!, c.kernel[0], c.strides[0]), out(inShape[1]!, c.kernel[1], c.strides[1]), filters];
}

/** Builds the unsplit synapse geometry of `conn` from a pre population of `preShape` into `postShape`. */
export function synapseGeometry(conn: LoihiConnection, preShape: readonly number[], postShape: readonly number[], layer: string): SynapseGeometry {
  const nPre = preShape.reduce((a, b) => a * b, 1);
  const nPost = postShape.reduce((a, b) => a * b, 1);
  if (conn.kind === 'dense') {
    const all = Int32Array.from({ length: nPost }, (_, i) => i);
    return {
      nAxons: nPre, atoms: 1, targets: new Array<Int32Array>(nPre).fill(all),
      entries: null, slotsPerAxon: 1, axonOf: (c) => c,
    };
  }
  if (preShape.length !== 3 || postShape.length !== 3)
    throw loihiError('LOIHI_BAD_ARGUMENT', `${layer}: a conv2d connection needs (rows, cols, channels) shapes on both sides, got [${preShape.join(', ')}] -> [${postShape.join(', ')}]`, layer);
  const [inRows, inCols, nChannels] = preShape as [number, number, number];
  const [outRows, outCols, nFilters] = postShape as [number, number, number];
  const expect = conv2dOutputShape(preShape, conn, nFilters);
  if (expect[0] !== outRows || expect[1] !== outCols)
    throw loihiError('LOIHI_BAD_ARGUMENT', `${layer}: a ${conn.kernel.join('x')} conv with strides ${conn.strides.join(',')} (${conn.padding}) on [${preShape.join(', ')}] gives [${expect.join(', ')}], not [${postShape.join(', ')}]`, layer);
  const [kRows, kCols] = conn.kernel;
  const [sRow, sCol] = conn.strides;
  const riMax = (outRows - 1) * sRow + 1;
  const rjMax = (outCols - 1) * sCol + 1;
  const padI = conn.padding === 'same' ? Math.floor(Math.max((outRows - 1) * sRow + kRows - inRows, 0) / 2) : 0;
  const padJ = conn.padding === 'same' ? Math.floor(Math.max((outCols - 1) * sCol + kCols - inCols, 0) / 2) : 0;
  // kernel positions each input row/col reaches, and the first output row/col it reaches
  const reach = (i: number, pad: number, k: number, rMax: number, s: number): number[] => {
    const kept: number[] = [];
    for (let p = 0; p < k; p++) {
      const r = i + pad + 1 - k + p;
      if (r >= 0 && r < rMax && r % s === 0) kept.push(p);
    }
    return kept;
  };
  const targets: (Int32Array | null)[] = [];
  const entries: (Int32Array | null)[] = [];
  for (let i = 0; i < inRows; i++) {
    const ki = reach(i, padI, kRows, riMax, sRow);
    for (let j = 0; j < inCols; j++) {
      const kj = reach(j, padJ, kCols, rjMax, sCol);
      if (ki.length === 0 || kj.length === 0) { targets.push(null); entries.push(null); continue; }
      const yi0 = (i + padI + 1 - kRows + ki[0]!) / sRow;
      const yj0 = (j + padJ + 1 - kCols + kj[0]!) / sCol;
      const t = new Int32Array(ki.length * kj.length * nFilters);
      const e = new Int32Array(t.length);
      let n = 0;
      for (let a = 0; a < ki.length; a++)
        for (let b = 0; b < kj.length; b++)
          for (let f = 0; f < nFilters; f++) {
            e[n] = (ki[a]! * kCols + kj[b]!) * nFilters + f;
            t[n++] = ((yi0 + a) * outCols + (yj0 + b)) * nFilters + f;
          }
      targets.push(t);
      entries.push(e);
    }
  }
  return {
    nAxons: inRows * inCols, atoms: nChannels, targets, entries,
    slotsPerAxon: (conn.popType ?? 32) === 32 ? 2 : 1, axonOf: (c) => Math.floor(c / nChannels),
  };
}
