/**
 * A 2-D convolution from a source laid out `rows x cols x channels` (channels-last) to a target
 * block laid out `outRows x outCols x filters`, as Keras/TensorFlow compute it (cross-correlation;
 * 'same' pads `floor(total / 2)` before and the rest after). A spike of source pixel (i, j),
 * channel c adds `kernel[kr, kc, c, :]` to every output pixel whose window covers (i, j) at
 * kernel position (kr, kc) — the same sums as the dense expansion, without storing it.
 */
export interface ConvSynapse<W extends Int32Array | Float64Array> {
  /** Marks a convolution. */
  readonly kind: 'conv2d';
  /** Label of a block or of a spike input; its size must be rows x cols x channels. */
  readonly source: string;
  /** Label of the block whose compartments receive the weights; size outRows x outCols x filters. */
  readonly target: string;
  /** Source shape [rows, cols, channels]. */
  readonly inputShape: readonly [number, number, number];
  /** Kernel [rows, cols]. */
  readonly kernelSize: readonly [number, number];
  /** Output channels. */
  readonly filters: number;
  /** `kernel[((kr * kernelCols + kc) * channels + c) * filters + k]` (Keras HWIO order): `W_int` or floats. */
  readonly kernel: W;
  /** Row, col strides; default [1, 1]. */
  readonly strides?: readonly [number, number];
  /** Default 'valid'. */
  readonly padding?: 'valid' | 'same';
}
