// Test-only: write Keras 2 style HDF5 files in memory with h5wasm, to build damaged and
// weights-only variants of the real fixtures.
import h5wasm from 'h5wasm';

/** One weight to write: its Keras name (`dense_1/kernel:0`), shape and values. */
export interface WeightToWrite {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** What {@link writeKerasHdf5} writes. */
export interface Keras2FileSpec {
  /** `model_config` attribute (full model); omitted for a weights-only file. */
  readonly modelConfig?: unknown;
  /** Layers in order, with their weights. */
  readonly layers: readonly { readonly name: string; readonly weights: readonly WeightToWrite[] }[];
  readonly backend?: string;
  readonly kerasVersion?: string;
  /** Store name lists as fixed-length strings (h5py `np.bytes_`), else variable-length. */
  readonly fixedLengthNames?: boolean;
}

let counter = 0;

/** Write a Keras 2 HDF5 file (full model under `model_weights`, or weights only at the root). */
export async function writeKerasHdf5(spec: Keras2FileSpec): Promise<Uint8Array> {
  const module = await h5wasm.ready;
  const path = `/test-writer-${++counter}.h5`;
  const f = new h5wasm.File(path, 'w');
  const strings = (target: { create_attribute: InstanceType<typeof h5wasm.Group>['create_attribute'] }, name: string, values: string[]): void => {
    if (spec.fixedLengthNames) {
      const width = Math.max(1, ...values.map((v) => v.length));
      target.create_attribute(name, values, [values.length], `S${width}`);
    } else {
      target.create_attribute(name, values, [values.length], null);
    }
  };
  if (spec.modelConfig !== undefined) f.create_attribute('model_config', JSON.stringify(spec.modelConfig));
  f.create_attribute('backend', spec.backend ?? 'tensorflow');
  f.create_attribute('keras_version', spec.kerasVersion ?? '2.2.4');
  const root = spec.modelConfig !== undefined ? f.create_group('model_weights') : f;
  strings(root, 'layer_names', spec.layers.map((l) => l.name));
  for (const layer of spec.layers) {
    const g = root.create_group(layer.name);
    strings(g, 'weight_names', layer.weights.map((w) => w.name));
    for (const w of layer.weights) {
      const parts = w.name.split('/');
      let group = g;
      for (const part of parts.slice(0, -1)) group = group.keys().includes(part) ? (group.get(part) as typeof g) : group.create_group(part);
      group.create_dataset({ name: parts[parts.length - 1], data: w.data, shape: [...w.shape] });
    }
  }
  f.close();
  const bytes = module.FS.readFile(path);
  module.FS.unlink(path);
  return bytes;
}
