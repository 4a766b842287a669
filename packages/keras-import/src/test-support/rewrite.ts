// Test-only: rebuild a fixture's HDF5 file in other layouts (weights only, fixed-length
// names, names without `:0`, Theano kernels) from what the reader got out of it.
import { readKerasModel } from '../formats/read-model.js';
import type { KerasModelJson } from '../wire/types.js';
import { fixtureInput } from './fixtures.js';
import { writeKerasHdf5, type Keras2FileSpec, type WeightToWrite } from './h5-writer.js';

/** The model JSON and per-layer named weights of a Keras 2 HDF5 fixture (Sequential). */
export async function fixtureParts(file: string): Promise<{ model: KerasModelJson; layers: { name: string; weights: WeightToWrite[] }[] }> {
  const source = await readKerasModel(fixtureInput(file));
  const config = source.model.config as { layers: { class_name: string; config: { name: string } }[] };
  const layers = config.layers
    .filter((l) => l.class_name !== 'InputLayer')
    .map((l) => ({
      name: l.config.name,
      weights: (source.weights.layer([l.config.name]) ?? []).map((w) => ({ name: w.name as string, shape: w.shape, data: w.data })),
    }));
  return { model: source.model, layers };
}

/** Write the parts back with changes. */
export async function rewriteFixture(
  file: string,
  change: (parts: Awaited<ReturnType<typeof fixtureParts>>) => Keras2FileSpec,
): Promise<Uint8Array> {
  return writeKerasHdf5(change(await fixtureParts(file)));
}
