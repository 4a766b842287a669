import type { LoihiLayer } from '../resources/layer.js';
import { loihiError } from '../error-codes.js';

/** Kernel taps inside the input along one axis, summed over the outputs (TF 'same' pads before by floor(total / 2)). */
function tapsInside(n: number, k: number, s: number, out: number, padBefore: number): number {
  let taps = 0;
  for (let o = 0; o < out; o++) {
    const first = o * s - padBefore;
    taps += Math.min(first + k, n) - Math.max(first, 0);
  }
  return taps;
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * The weights (pre, post pairs) of the connection into `layers[i]` from `layers[i - 1]`: every
 * pre-post pair of a dense connection, the in-bounds kernel taps of a conv. Their sum over the
 * network is its MACs as an ANN; divided by the pre population's size, the mean fan-out.
 */
export function connectionSynapses(layers: readonly LoihiLayer[], i: number): number {
  const post = layers[i]!;
  const pre = layers[i - 1];
  if (post.input === undefined || pre === undefined) return 0;
  if (post.input.kind === 'dense') return size(pre.shape) * size(post.shape);
  if (pre.shape.length !== 3 || post.shape.length !== 3)
    throw loihiError('LOIHI_BAD_ARGUMENT', `${post.name}: a conv2d connection needs (rows, cols, channels) shapes on both sides, got [${pre.shape.join(', ')}] -> [${post.shape.join(', ')}]`, post.name);
  const { kernel, strides, padding } = post.input;
  const axis = (d: 0 | 1): number => {
    const n = pre.shape[d]!;
    const out = post.shape[d]!;
    const pad = padding === 'same' ? Math.floor(Math.max((out - 1) * strides[d] + kernel[d] - n, 0) / 2) : 0;
    return tapsInside(n, kernel[d], strides[d], out, pad);
  };
  return axis(0) * axis(1) * pre.shape[2]! * post.shape[2]!;
}

/** The network's multiply-accumulates as an ANN: the weights of every connection. */
export function annMacs(layers: readonly LoihiLayer[]): number {
  let macs = 0;
  for (let i = 1; i < layers.length; i++) macs += connectionSynapses(layers, i);
  return macs;
}
