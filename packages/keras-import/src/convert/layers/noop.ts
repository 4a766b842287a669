import type { LayerContext } from '../context.js';
import type { TensorInfo } from '../tensor.js';

/**
 * Layers that do nothing at inference (Dropout and its variants, GaussianNoise,
 * ActivityRegularization, Identity, InputLayer): the output is the input tensor itself.
 */
export function convertNoop(ctx: LayerContext): TensorInfo {
  return ctx.input();
}

/** Keras classes converted by {@link convertNoop}. */
export const noopLayerClasses: readonly string[] = [
  'InputLayer',
  'Dropout',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'SpatialDropout3D',
  'AlphaDropout',
  'GaussianDropout',
  'GaussianNoise',
  'ActivityRegularization',
  'Identity',
];
