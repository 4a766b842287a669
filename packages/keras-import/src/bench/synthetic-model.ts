import { createRng } from '@snn/ir';
import h5wasm from 'h5wasm';
import type { KerasModelInput } from '../formats/model-source.js';

let counter = 0;

/**
 * A Keras 2 full-model HDF5 file of about `megabytes` MB, for the import benchmark: a
 * Sequential MLP `784 → h → h → 10` (relu, softmax) with seeded random weights, written
 * the way Keras 2.4 writes it (`model_config` plus `model_weights`). Uses h5wasm's
 * in-memory file system, so it runs anywhere the importer does.
 */
export async function syntheticKerasModel(options: { readonly megabytes?: number; readonly seed?: number } = {}): Promise<KerasModelInput> {
  const targetFloats = ((options.megabytes ?? 5) * 1e6) / 4;
  // Floats: 784h + h + h² + h + 10h + 10 = h² + 796h + 10 ≈ target; solve for h.
  const h = Math.max(1, Math.round((-796 + Math.sqrt(796 ** 2 + 4 * (targetFloats - 10))) / 2));
  const sizes = [784, h, h, 10];
  const rng = createRng(options.seed ?? 1);
  const layers = sizes.slice(1).map((units, i) => ({
    name: `dense_${i + 1}`,
    units,
    activation: i === sizes.length - 2 ? 'softmax' : 'relu',
    kernel: rng.fillUniform(new Float32Array(sizes[i] * units), -0.05, 0.05),
    bias: rng.fillUniform(new Float32Array(units), -0.05, 0.05),
    fanIn: sizes[i],
  }));
  const config = {
    class_name: 'Sequential',
    config: {
      name: 'synthetic_mlp',
      layers: [
        { class_name: 'InputLayer', config: { name: 'input_1', batch_input_shape: [null, 784], dtype: 'float32' } },
        ...layers.map((l) => ({ class_name: 'Dense', config: { name: l.name, units: l.units, activation: l.activation, use_bias: true, trainable: true } })),
      ],
    },
  };
  const module = await h5wasm.ready;
  const path = `/snn-synthetic-${++counter}.h5`;
  const f = new h5wasm.File(path, 'w');
  try {
    f.create_attribute('model_config', JSON.stringify(config));
    f.create_attribute('keras_version', '2.4.0');
    f.create_attribute('backend', 'tensorflow');
    const weights = f.create_group('model_weights');
    weights.create_attribute('layer_names', layers.map((l) => l.name), [layers.length], null);
    for (const l of layers) {
      const g = weights.create_group(l.name);
      g.create_attribute('weight_names', [`${l.name}/kernel:0`, `${l.name}/bias:0`], [2], null);
      const inner = g.create_group(l.name);
      inner.create_dataset({ name: 'kernel:0', data: l.kernel, shape: [l.fanIn, l.units] });
      inner.create_dataset({ name: 'bias:0', data: l.bias, shape: [l.units] });
    }
  } finally {
    f.close();
  }
  const bytes = module.FS.readFile(path);
  module.FS.unlink(path);
  return { bytes, fileName: `synthetic-mlp-${options.megabytes ?? 5}MB.h5` };
}
