import * as tf from '@tensorflow/tfjs-core';
import { QCFS, resolveParams, type NeuronParams } from '@snn/neurons';
import { hasQcfsKernels, qcfsGradients, qcfsRates, type QcfsAttrs } from '../kernels/qcfs.js';
import type { RateOp } from './rate-op.js';

type Body = (J: tf.Tensor, threshold: tf.Tensor, save: tf.GradSaveFunc) => {
  value: tf.Tensor;
  gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[];
};

/**
 * QCFS with a trained threshold through snn's wasm kernels (one pass forward, one pass for
 * both gradients, on the tensors in place), or `fallback` where they are not registered. Same
 * values and gradients as the general trainable op; the threshold is checked (> 0) each call.
 */
export function qcfsRateOp(params: NeuronParams, fallback: RateOp, where?: string): RateOp {
  const body: Body = (J, threshold, save) => {
    const attrs: QcfsAttrs = resolveParams(QCFS, { ...params, threshold: threshold.dataSync()[0] }, where) as unknown as QcfsAttrs;
    save([J]);
    return { value: qcfsRates(J, attrs), gradFunc: (dy, saved) => qcfsGradients(dy, saved[0], attrs) };
  };
  const fused = tf.customGrad(body as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as (J: tf.Tensor, t: tf.Tensor) => tf.Tensor;
  return (J, trained = []) => (hasQcfsKernels() ? fused(J, trained[0]) : fallback(J, trained));
}
