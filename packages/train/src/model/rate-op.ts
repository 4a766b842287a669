import * as tf from '@tensorflow/tfjs-core';
import { customOp } from './custom-op.js';
import { QCFS, RectifiedLinear, SoftLIFRate, type NeuronParams, type NeuronType } from '@snn/neurons';
import { hasSoftLifRateKernel, softLifRateWithDerivative, type SoftLifRateAttrs } from '../kernels/soft-lif-rate.js';
import { numericRatesDerivative } from './numeric-derivative.js';
import { qcfsRateOp } from './qcfs-rate-op.js';
import { trainableRateOp } from './trainable-rate-op.js';

/**
 * A differentiable element-wise rate function on a batched current tensor; `trained` holds
 * the scalar values of the parameters the op was built to train, in that order.
 */
export type RateOp = (J: tf.Tensor, trained?: readonly tf.Tensor[]) => tf.Tensor;

/** Options of {@link rateOp}. */
export interface RateOpOptions {
  /** Parameters of the type (from its `trainableParams`) whose values the op takes as scalar tensors and differentiates. */
  readonly trainable?: readonly string[];
  /** Node id named in errors. */
  readonly where?: string;
}

/**
 * The rate function of `type` as a differentiable tfjs op. The forward pass runs
 * `type.rates` on the tensor's values; the backward pass multiplies the incoming gradient
 * by `type.ratesDerivative` (or a central difference of `rates` when the type has none).
 * With `options.trainable`, the op also takes those parameters' values and returns their
 * gradients (see `trainableRateOp`). Any neuron type, including one defined outside snn,
 * trains this way with no change. The built-in RectifiedLinear object takes a tfjs fast path
 * (`amplitude * relu(J)`), the built-in SoftLIFRate computes rates and derivative in one SIMD
 * pass on the wasm backend, and the built-in QCFS with a trained threshold runs fused kernels there.
 */
export function rateOp(type: NeuronType, params: NeuronParams, options: RateOpOptions = {}): RateOp {
  const trainable = options.trainable ?? [];
  if (trainable.length > 0) {
    const general = trainableRateOp(type, params, trainable, options.where);
    return type === QCFS && trainable.length === 1 && trainable[0] === 'threshold' ? qcfsRateOp(params, general, options.where) : general;
  }
  if (type === RectifiedLinear) {
    const amplitude = params.amplitude ?? 1;
    return (J) => (amplitude === 1 ? tf.relu(J) : tf.mul(tf.relu(J), tf.scalar(amplitude)));
  }
  const general = generalRateOp(type, params);
  if (type === SoftLIFRate) return softLifRateOp(params as unknown as SoftLifRateAttrs, general);
  return general;
}

/** SoftLIFRate through the fused kernel where registered (the derivative is kept for the backward pass). */
function softLifRateOp(attrs: SoftLifRateAttrs, fallback: RateOp): RateOp {
  const fused = customOp((J: tf.Tensor, save: tf.GradSaveFunc) => {
    const [rate, deriv] = softLifRateWithDerivative(J, attrs);
    save([deriv]);
    return { value: rate, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, saved[0]) };
  });
  return (J) => (hasSoftLifRateKernel() ? fused(J) : fallback(J));
}

function generalRateOp(type: NeuronType, params: NeuronParams): RateOp {
  const derivative = (j: Float32Array, out: Float32Array): void => {
    if (type.ratesDerivative) type.ratesDerivative(j, out, params);
    else numericRatesDerivative(type, j, out, params);
  };
  return customOp((J: tf.Tensor, save: tf.GradSaveFunc) => {
    save([J]);
    const j = J.dataSync() as Float32Array;
    const out = new Float32Array(j.length);
    type.rates(j, out, params);
    return {
      value: tf.tensor(out, J.shape, 'float32'),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const js = saved[0].dataSync() as Float32Array;
        const d = new Float32Array(js.length);
        derivative(js, d);
        return tf.mul(dy, tf.tensor(d, saved[0].shape, 'float32'));
      },
    };
  });
}
