import { kerasError } from '../errors.js';
import type { WeightStore } from '../formats/weight-store.js';
import { splitWeightName } from '../formats/weight-store.js';
import type { FlatInput, FlatModel } from '../wire/flat-model.js';
import { configOf } from '../wire/config-values.js';
import type { Layout } from './tensor.js';

const SPATIAL = /^(Conv[123]D|Conv[123]DTranspose|SeparableConv[12]D|DepthwiseConv[12]D|(Average|Max)Pooling[123]D|Global(Average|Max)Pooling[123]D|ZeroPadding[123]D|UpSampling[123]D|Cropping[123]D)$/;

/**
 * The model's image data format: that of its first spatial layer (convolution, pooling,
 * padding, upsampling) declaring one; channels-last when none does. Keras uses one
 * `image_data_format` per model in practice; mixing is rejected where it matters.
 */
export function modelDataFormat(model: FlatModel): Layout {
  for (const call of model.calls) {
    if (!SPATIAL.test(call.className)) continue;
    const df = configOf(call.layer).data_format;
    if (df === 'channels_first' || df === 'channels_last') return df;
  }
  return 'channels_last';
}

/** Classes that pass a tensor on without caring about its shape (for input-shape inference). */
const SHAPE_AGNOSTIC = new Set(['Flatten', 'Dropout', 'Activation', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout', 'ActivityRegularization', 'Identity', 'ReLU', 'LeakyReLU']);

/**
 * The batchless Keras shape of `input`: the `inputShape` option, else what the model
 * declares, else (for models that start with Dense, possibly after Flatten/Dropout) the
 * first Dense kernel's row count. Throws `KERAS_INPUT_SHAPE` when none works or a
 * dimension is unknown.
 */
export function resolveInputShape(
  input: FlatInput,
  model: FlatModel,
  weights: WeightStore,
  option: readonly number[] | Readonly<Record<string, readonly number[]>> | undefined,
  fileName: string,
): number[] {
  const given = Array.isArray(option) ? option : option && typeof option === 'object' ? (option as Record<string, readonly number[]>)[input.id] : undefined;
  if (given !== undefined) {
    if (!given.every((d) => Number.isInteger(d) && d > 0)) {
      throw kerasError('KERAS_BAD_OPTION', 'inputShape', `inputShape for '${input.id}' is ${JSON.stringify(given)}; give positive integers without the batch dimension, e.g. [28, 28, 1]`);
    }
    return [...given];
  }
  const declared = input.kerasShape;
  if (declared !== undefined) {
    if (declared.some((d) => d === null || !Number.isInteger(d) || (d as number) < 1)) {
      throw kerasError(
        'KERAS_INPUT_SHAPE',
        input.id,
        `${fileName}: Input shapes must be fully specified; got [${declared.map((d) => (d === null ? 'None' : d)).join(', ')}] for input '${input.id}'. Pass inputShape (without batch), e.g. inputShape: [28, 28, 1]`,
      );
    }
    return declared as number[];
  }
  let key = input.key;
  for (const call of model.calls) {
    if (!call.inputs.includes(key)) continue;
    if (call.className === 'Dense') {
      const stored = weights.layer(call.weightPath) ?? [];
      const kernel = stored.find((w) => w.name !== undefined && splitWeightName(w.name).role === 'kernel') ?? stored[0];
      if (kernel && kernel.shape.length === 2) return [kernel.shape[0]];
      break;
    }
    if (!SHAPE_AGNOSTIC.has(call.className) || call.inputs.length !== 1) break;
    key = call.output;
  }
  throw kerasError(
    'KERAS_INPUT_SHAPE',
    input.id,
    `${fileName}: the model does not declare the shape of input '${input.id}' and it cannot be inferred (inference works for models starting with Dense); pass inputShape without the batch dimension, e.g. inputShape: [28, 28, 1]`,
  );
}
