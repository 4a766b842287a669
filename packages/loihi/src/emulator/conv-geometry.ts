import { loihiError } from '../error-codes.js';
import { conv2dOutputShape } from '../resources/synapse-geometry.js';
import type { ConvSynapse } from './conv-synapse.js';

/** Checked sizes of a {@link ConvSynapse}: output shape and the padding before the first row/col. */
export interface ConvGeometry {
  readonly rows: number;
  readonly cols: number;
  readonly channels: number;
  readonly kernelRows: number;
  readonly kernelCols: number;
  readonly filters: number;
  readonly strideRow: number;
  readonly strideCol: number;
  readonly outRows: number;
  readonly outCols: number;
  /** Rows (cols) of zero padding before the input, TensorFlow's `floor(total / 2)`. */
  readonly padRow: number;
  readonly padCol: number;
}

/** Validates `syn` (positive integer sizes, kernel length) and derives its output shape and padding. */
export function convGeometry(syn: ConvSynapse<Int32Array | Float64Array>): ConvGeometry {
  const where = `synapse ${syn.source} -> ${syn.target}`;
  const [rows, cols, channels] = syn.inputShape;
  const [kernelRows, kernelCols] = syn.kernelSize;
  const [strideRow, strideCol] = syn.strides ?? [1, 1];
  const padding = syn.padding ?? 'valid';
  const sizes = { rows, cols, channels, kernelRows, kernelCols, filters: syn.filters, strideRow, strideCol };
  for (const [name, v] of Object.entries(sizes)) {
    if (!Number.isInteger(v) || v < 1) throw loihiError('LOIHI_BAD_ARGUMENT', `${name} must be a positive integer, got ${v}`, where);
  }
  if (padding !== 'valid' && padding !== 'same') throw loihiError('LOIHI_BAD_ARGUMENT', `padding must be 'valid' or 'same', got '${String(padding)}'`, where);
  const [outRows, outCols] = conv2dOutputShape([rows, cols, channels], { kind: 'conv2d', kernel: [kernelRows, kernelCols], strides: [strideRow, strideCol], padding }, syn.filters);
  if (outRows < 1 || outCols < 1) {
    throw loihiError('LOIHI_BAD_ARGUMENT', `a ${kernelRows}x${kernelCols} 'valid' kernel does not fit the ${rows}x${cols} input; use a smaller kernel or padding 'same'`, where);
  }
  const expected = kernelRows * kernelCols * channels * syn.filters;
  if (syn.kernel.length !== expected) {
    throw loihiError('LOIHI_BAD_ARGUMENT', `kernel has ${syn.kernel.length} values; expected rows x cols x channels x filters = ${kernelRows} x ${kernelCols} x ${channels} x ${syn.filters} = ${expected}`, where);
  }
  const pad = (out: number, stride: number, k: number, n: number) => (padding === 'same' ? Math.floor(Math.max((out - 1) * stride + k - n, 0) / 2) : 0);
  return {
    ...sizes, outRows, outCols,
    padRow: pad(outRows, strideRow, kernelRows, rows), padCol: pad(outCols, strideCol, kernelCols, cols),
  };
}
