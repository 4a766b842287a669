// Damaged configurations the fuzz test (tools/fuzz) found crashing the reader with a TypeError
// or RangeError: each is now an SnnError naming the file and what is wrong.
import { describe, expect, it } from 'vitest';
import { importKeras } from '../import-keras.js';
import { failure } from '../test-support/failure.js';
import { fixtureInput } from '../test-support/fixtures.js';

const FILE = 'tensorspace_lenet_tfjs075/mnist.json';

/** The TF.js fixture with its model.json changed by `edit`. */
function edited(edit: (json: { modelTopology: { config: { layers: unknown[] } }; weightsManifest: unknown[] }) => void, deep = ''): ReturnType<typeof fixtureInput> {
  const input = fixtureInput(FILE);
  const json = JSON.parse(new TextDecoder().decode(input.bytes));
  edit(json);
  // `deep` replaces the string "DEEP" (JSON.stringify itself cannot write very deep values)
  return { ...input, bytes: new TextEncoder().encode(JSON.stringify(json).replace('"DEEP"', deep)) };
}

describe('damaged model JSON is refused with a typed error', () => {
  it('a layer entry that is null or not an object', async () => {
    const f = await failure(() => importKeras(edited((j) => void (j.modelTopology.config.layers[2] = null))));
    expect(f.code).toBe('KERAS_BAD_CONFIG');
    expect(f.message).toMatch(new RegExp(`^${FILE}: model 'model1': layer entry 2 is null, expected \\{ class_name, config \\}`));
  });

  it('inbound_nodes that is not a list', async () => {
    const f = await failure(() => importKeras(edited((j) => void ((j.modelTopology.config.layers[1] as { inbound_nodes: unknown }).inbound_nodes = 0))));
    expect(f.code).toBe('KERAS_BAD_CONFIG');
    expect(f.message).toMatch(/layer 'zero_padding2d_ZeroPadding2D1' has inbound_nodes 0, expected a list of calls/);
  });

  it('a weights manifest entry nested too deeply to print, and a shard path that is not a string', async () => {
    const deep = '['.repeat(100_000) + '1' + ']'.repeat(100_000);
    const nested = await failure(() => importKeras(edited((j) => void (j.weightsManifest[0] = 'DEEP'), deep)));
    expect(nested.code).toBe('KERAS_BAD_CONFIG');
    expect(nested.message).toMatch(/weightsManifest entry must be .* got \[a list nested too deeply to show\]/);
    const path = await failure(() => importKeras(edited((j) => void ((j.weightsManifest[0] as { paths: unknown[] }).paths[0] = 7))));
    expect(path.code).toBe('KERAS_BAD_CONFIG');
    expect(path.message).toContain(FILE);
  });
});
