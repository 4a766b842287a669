import { describe, expect, it } from 'vitest';
import { failure } from '../test-support/failure.js';
import { runModel } from '../test-support/run-model.js';
import { sequential, tfjsModel } from '../test-support/tfjs-model.js';
import { builtinLayerConverters, createLayerConverterRegistry } from './builtins.js';
import type { LayerConverter } from './context.js';
import { LayerConverterRegistry, registerLayerConverter } from './registry.js';

const model = tfjsModel(sequential([{ class_name: 'TimesTwo', config: { name: 'double', batch_input_shape: [null, 3] } }]), []);

/** A user's converter for their own Keras class: `y = 2x` as an affine node. */
const timesTwo: LayerConverter = (ctx) => {
  const t = ctx.input();
  const c = t.shape[t.shape.length - 1];
  ctx.addNode({ id: ctx.id, kind: 'affine', scale: { shape: [c], data: new Float32Array(c).fill(2) }, bias: { shape: [c], data: new Float32Array(c) } }, [t]);
  return { ...t, node: ctx.id };
};

describe('layer converter registry', () => {
  it('starts empty; createLayerConverterRegistry holds every built-in class', () => {
    expect(new LayerConverterRegistry().names()).toEqual([]);
    const names = createLayerConverterRegistry().names();
    expect(names).toEqual(Object.keys(builtinLayerConverters).sort());
    for (const c of ['InputLayer', 'Dense', 'Conv1D', 'Conv2D', 'AveragePooling2D', 'MaxPooling1D', 'GlobalAveragePooling2D', 'BatchNormalization', 'Flatten', 'Reshape', 'Dropout', 'Activation', 'ReLU', 'LeakyReLU', 'ZeroPadding2D', 'UpSampling2D', 'Add', 'Average', 'Concatenate']) {
      expect(names).toContain(c);
    }
  });

  it('a user-registered converter handles a custom Keras class', async () => {
    const registry = registerLayerConverter(createLayerConverterRegistry(), 'TimesTwo', timesTwo);
    const { out } = await runModel(model, [1, -2, 3], { converters: registry });
    expect(out).toEqual([2, -4, 6]);
  });

  it('registering a class twice is an error unless override is set', async () => {
    const registry = createLayerConverterRegistry();
    const e = await failure(() => registerLayerConverter(registry, 'Dense', timesTwo));
    expect(e.code).toBe('KERAS_DUPLICATE_CONVERTER');
    expect(e.message).toContain("'Dense'");
    expect(registerLayerConverter(registry, 'Dense', timesTwo, { override: true }).get('Dense')).toBe(timesTwo);
  });
});
