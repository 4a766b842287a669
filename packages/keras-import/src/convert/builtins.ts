import type { LayerConverter } from './context.js';
import { convertActivation, convertLeakyReLU, convertReLU, convertSoftmax } from './layers/activation-layers.js';
import { convertBatchNorm } from './layers/batch-norm.js';
import { convertConv } from './layers/conv.js';
import { convertDense } from './layers/dense.js';
import { convertAdd, convertAverage, convertConcatenate } from './layers/merge.js';
import { convertNoop, noopLayerClasses } from './layers/noop.js';
import { convertZeroPadding } from './layers/padding.js';
import { convertGlobalPool, convertPool } from './layers/pooling.js';
import { convertFlatten, convertReshape } from './layers/reshape.js';
import { convertUpSampling } from './layers/upsampling.js';
import { LayerConverterRegistry, type RegisterOptions } from './registry.js';

/** The built-in converters by Keras class name (NengoDL's converter coverage, spec §5.4). */
export const builtinLayerConverters: Readonly<Record<string, LayerConverter>> = {
  Dense: convertDense,
  Conv1D: (ctx) => convertConv(ctx, 1),
  Conv2D: (ctx) => convertConv(ctx, 2),
  AveragePooling1D: (ctx) => convertPool(ctx, 1, 'avg'),
  AveragePooling2D: (ctx) => convertPool(ctx, 2, 'avg'),
  MaxPooling1D: (ctx) => convertPool(ctx, 1, 'max'),
  MaxPooling2D: (ctx) => convertPool(ctx, 2, 'max'),
  GlobalAveragePooling1D: (ctx) => convertGlobalPool(ctx, 1, 'avg'),
  GlobalAveragePooling2D: (ctx) => convertGlobalPool(ctx, 2, 'avg'),
  GlobalMaxPooling1D: (ctx) => convertGlobalPool(ctx, 1, 'max'),
  GlobalMaxPooling2D: (ctx) => convertGlobalPool(ctx, 2, 'max'),
  BatchNormalization: convertBatchNorm,
  Flatten: convertFlatten,
  Reshape: convertReshape,
  Activation: convertActivation,
  Softmax: convertSoftmax,
  ReLU: convertReLU,
  LeakyReLU: convertLeakyReLU,
  ZeroPadding1D: (ctx) => convertZeroPadding(ctx, 1),
  ZeroPadding2D: (ctx) => convertZeroPadding(ctx, 2),
  UpSampling1D: (ctx) => convertUpSampling(ctx, 1),
  UpSampling2D: (ctx) => convertUpSampling(ctx, 2),
  Add: convertAdd,
  Average: convertAverage,
  Concatenate: convertConcatenate,
  ...Object.fromEntries(noopLayerClasses.map((c) => [c, convertNoop])),
};

/** Register every built-in layer converter in `registry` (throws on a taken name unless `override`). */
export function registerBuiltinLayerConverters(registry: LayerConverterRegistry, options: RegisterOptions = {}): LayerConverterRegistry {
  for (const [name, converter] of Object.entries(builtinLayerConverters)) registry.register(name, converter, options);
  return registry;
}

/** A new registry holding the built-in converters, ready for users to extend. */
export function createLayerConverterRegistry(): LayerConverterRegistry {
  return registerBuiltinLayerConverters(new LayerConverterRegistry());
}
