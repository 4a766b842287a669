import { convGeometry } from './conv-geometry.js';
import type { ConvSynapse } from './conv-synapse.js';

/**
 * The dense expansion of a {@link ConvSynapse}: `weights[axon * nTarget + compartment]` with axon
 * = (row, col, channel) of the source and compartment = (outRow, outCol, filter), built from the
 * convolution's definition `out[y, x, k] = sum in[y*sr + kr - padRow, x*sc + kc - padCol, c] * kernel[kr, kc, c, k]`.
 * For checks and small layers; it holds axons x compartments values.
 */
export function convToDense<W extends Int32Array | Float64Array>(syn: ConvSynapse<W>): W {
  const g = convGeometry(syn);
  const nTarget = g.outRows * g.outCols * g.filters;
  const weights = new (syn.kernel.constructor as new (n: number) => W)(g.rows * g.cols * g.channels * nTarget);
  for (let y = 0; y < g.outRows; y++) {
    for (let x = 0; x < g.outCols; x++) {
      for (let kr = 0; kr < g.kernelRows; kr++) {
        const i = y * g.strideRow + kr - g.padRow;
        if (i < 0 || i >= g.rows) continue;
        for (let kc = 0; kc < g.kernelCols; kc++) {
          const j = x * g.strideCol + kc - g.padCol;
          if (j < 0 || j >= g.cols) continue;
          for (let c = 0; c < g.channels; c++) {
            const axon = (i * g.cols + j) * g.channels + c;
            for (let k = 0; k < g.filters; k++) {
              weights[axon * nTarget + (y * g.outCols + x) * g.filters + k] = syn.kernel[((kr * g.kernelCols + kc) * g.channels + c) * g.filters + k]!;
            }
          }
        }
      }
    }
  }
  return weights;
}
