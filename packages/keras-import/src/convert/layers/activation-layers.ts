import type { LayerContext } from '../context.js';
import type { TensorInfo } from '../tensor.js';
import { num } from '../../wire/config-values.js';

/** Keras `Activation`: the mapped activation as this layer's own node (spec §5.4). */
export function convertActivation(ctx: LayerContext): TensorInfo {
  return ctx.activate(ctx.input(), ctx.config.activation, ctx.id);
}

/** Keras `Softmax` layer (last axis): marks the output as softmax, allowed only on a model output. */
export function convertSoftmax(ctx: LayerContext): TensorInfo {
  const axis = ctx.config.axis ?? -1;
  if (axis !== -1 && !(Array.isArray(axis) && axis.length === 1 && axis[0] === -1)) ctx.unsupported('axis', axis, 'softmax over the last axis (-1) only');
  return ctx.activate(ctx.input(), 'softmax', ctx.id);
}

/**
 * Keras `ReLU` layer: `max_value` must be None and `threshold` 0; `negative_slope` 0 is a
 * plain relu (swappable as `relu`), otherwise NengoDL's LeakyReLU (spec §5.4).
 */
export function convertReLU(ctx: LayerContext): TensorInfo {
  const maxValue = ctx.config.max_value;
  if (maxValue !== undefined && maxValue !== null) ctx.unsupported('max_value', maxValue, 'a capped ReLU has no neuron equivalent; max_value must be None');
  const threshold = num(ctx.config.threshold, 'threshold', ctx.label, 0);
  if (threshold !== 0) ctx.unsupported('threshold', threshold, 'threshold must be 0');
  const slope = num(ctx.config.negative_slope, 'negative_slope', ctx.label, 0);
  if (slope === 0) return ctx.activate(ctx.input(), 'relu', ctx.id);
  return ctx.neurons(ctx.input(), { kind: 'neurons', neuronType: 'LeakyReLU', params: { negativeSlope: slope } }, ctx.id);
}

/** Keras `LeakyReLU`: NengoDL LeakyReLU with `negativeSlope` = `alpha` (Keras 2) or `negative_slope` (Keras 3); default 0.3. */
export function convertLeakyReLU(ctx: LayerContext): TensorInfo {
  const slope = num(ctx.config.negative_slope ?? ctx.config.alpha, 'alpha', ctx.label, 0.3);
  return ctx.neurons(ctx.input(), { kind: 'neurons', neuronType: 'LeakyReLU', params: { negativeSlope: slope } }, ctx.id);
}
