import type { DenseNode } from '@snn/ir';
import type { LayerContext } from '../context.js';
import type { TensorInfo } from '../tensor.js';
import { checkTrainingOnlyFields } from './common.js';

const TRAINING_ONLY = ['kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint'];

/**
 * Keras `Dense`: an IR `dense` node (kernel `[in, units]`, bias) on the last axis, then
 * the activation. A channels-first flatten order on the input is absorbed here by
 * permuting the kernel rows (Keras row `k` feeds IR element `flatOrder[k]`).
 */
export function convertDense(ctx: LayerContext): TensorInfo {
  const t = ctx.input();
  if (t.softmax) ctx.unsupported('activation', 'softmax', `softmax is supported only on a model output, but it feeds ${ctx.label}`);
  if (t.layout === 'channels_first' && t.shape.length >= 2) {
    ctx.unsupported('input', 'channels_first', `Dense acts on the last Keras axis, which for channels-first data of shape [${t.shape.join(', ')}] is not the channel axis; add a Flatten before it`);
  }
  checkTrainingOnlyFields(ctx, TRAINING_ONLY);
  const units = ctx.config.units;
  if (typeof units !== 'number' || !Number.isInteger(units) || units < 1) ctx.badConfig('units', units, 'a positive integer');
  const n = t.shape[t.shape.length - 1];
  const useBias = ctx.config.use_bias !== false;
  const [kernel, bias] = ctx.weights([{ role: 'kernel', shape: [n, units] }, ...(useBias ? [{ role: 'bias', shape: [units] }] : [])]);
  let weights = kernel;
  if (t.flatOrder) {
    const data = new Float32Array(kernel.data.length);
    const order = t.flatOrder;
    for (let k = 0; k < n; k++) data.set(kernel.data.subarray(k * units, (k + 1) * units), order[k] * units);
    weights = { shape: kernel.shape, data };
  }
  const node: DenseNode = { id: ctx.id, kind: 'dense', weights, ...(bias ? { bias } : {}) };
  ctx.addNode(node, [t]);
  const out: TensorInfo = { node: ctx.id, shape: [...t.shape.slice(0, -1), units], layout: 'channels_last' };
  return ctx.activate(out, ctx.config.activation);
}
