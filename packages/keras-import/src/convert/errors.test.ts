import { describe, expect, it } from 'vitest';
import type { Graph } from '@snn/ir';
import { importKeras, type ImportResult } from '../import-keras.js';
import { readKerasModel } from '../formats/read-model.js';
import { failure } from '../test-support/failure.js';
import { fixtureBytes, fixtureInput } from '../test-support/fixtures.js';
import type { KerasModelJson } from '../wire/types.js';

const SMALL = 'deepconcolic_small_k240.h5';

/** The small DeepConcolic CNN's own weights with an edited copy of its architecture. */
async function withEditedConfig(edit: (layers: { class_name: string; config: Record<string, unknown> }[]) => void, options = {}): Promise<ImportResult> {
  const model = structuredClone((await readKerasModel(fixtureInput(SMALL))).model) as KerasModelJson;
  edit((model.config as { layers: { class_name: string; config: Record<string, unknown> }[] }).layers);
  return importKeras({ bytes: fixtureBytes(SMALL), fileName: SMALL, architecture: model }, options);
}

/** The neuron type of each neurons node, by node id. */
const neuronTypes = (graph: Graph): Record<string, string> => Object.fromEntries(graph.nodes.flatMap((n) => (n.kind === 'neurons' ? [[n.id, n.neuronType]] : [])));

/** The graph's nodes with neuron types left out. */
const withoutNeuronTypes = (graph: Graph): unknown[] => graph.nodes.map((n) => (n.kind === 'neurons' ? { ...n, neuronType: undefined } : n));

const layer = (layers: { config: Record<string, unknown> }[], name: string): { class_name: string; config: Record<string, unknown> } =>
  layers.find((l) => l.config.name === name) as { class_name: string; config: Record<string, unknown> };

describe('conversion errors name the layer, the file and the fix, and return nothing', () => {
  it('a weight missing from the file: KERAS_MISSING_WEIGHT', async () => {
    const e = await failure(() => withEditedConfig((ls) => (layer(ls, 'dense').config.name = 'dense_renamed')));
    expect(e.code).toBe('KERAS_MISSING_WEIGHT');
    expect(e.message).toContain("layer 'dense_renamed' (Dense)");
    expect(e.message).toContain(SMALL);
    expect(e.message).toContain('kernel');
  });

  it('a weight of the wrong shape: KERAS_WEIGHT_SHAPE with both shapes', async () => {
    const e = await failure(() => withEditedConfig((ls) => (layer(ls, 'dense').config.units = 40)));
    expect(e.code).toBe('KERAS_WEIGHT_SHAPE');
    expect(e.message).toContain("layer 'dense' (Dense)");
    expect(e.message).toContain('[5408, 42]');
    expect(e.message).toContain('[5408, 40]');
  });

  it('a weight the config does not expect (use_bias false, bias in the file): KERAS_WEIGHT_SHAPE', async () => {
    const e = await failure(() => withEditedConfig((ls) => (layer(ls, 'dense_1').config.use_bias = false)));
    expect(e.code).toBe('KERAS_WEIGHT_SHAPE');
    expect(e.message).toContain("layer 'dense_1' (Dense) needs 1 weights (kernel) but");
  });

  it('NaN weights: KERAS_NONFINITE_WEIGHT naming the layer and the first bad index', async () => {
    const input = fixtureInput('tensorspace_lenet_tfjs075/mnist.json');
    const shard = (input.shards?.['./mnist.weights.bin'] as Uint8Array).slice();
    // conv2d_Conv2D2/kernel follows conv1's 150 + 6 floats; poison its element 7.
    new DataView(shard.buffer).setFloat32((156 + 7) * 4, NaN, true);
    const e = await failure(() => importKeras({ ...input, shards: { './mnist.weights.bin': shard } }));
    expect(e.code).toBe('KERAS_NONFINITE_WEIGHT');
    expect(e.message).toContain("layer 'conv2d_Conv2D2' (Conv2D)");
    expect(e.message).toContain('at index 7');
  });

  it('an unknown layer class: KERAS_UNSUPPORTED_LAYER listing the supported classes and how to register one', async () => {
    const e = await failure(() => withEditedConfig((ls) => (layer(ls, 'flatten').class_name = 'MyCustomFlatten')));
    expect(e.code).toBe('KERAS_UNSUPPORTED_LAYER');
    expect(e.where).toBe('flatten');
    expect(e.message).toContain("layer 'flatten' (MyCustomFlatten)");
    expect(e.message).toMatch(/Supported classes: .*Conv2D.*Dense/);
    expect(e.message).toContain('registerLayerConverter');
  });

  it('dilation != 1: KERAS_UNSUPPORTED_OPTION in NengoDL wording', async () => {
    const e = await failure(() => withEditedConfig((ls) => (layer(ls, 'conv2d').config.dilation_rate = [2, 2])));
    expect(e.code).toBe('KERAS_UNSUPPORTED_OPTION');
    expect(e.message).toContain('conv2d.dilation_rate has value (2, 2) != (1, 1), which is not supported');
  });

  it('an activation without a neuron equivalent: KERAS_UNSUPPORTED_OPTION listing the supported ones', async () => {
    const e = await failure(() => withEditedConfig((ls) => (layer(ls, 'activation').config.activation = 'elu')));
    expect(e.code).toBe('KERAS_UNSUPPORTED_OPTION');
    expect(e.message).toContain("activation 'elu'");
    expect(e.message).toContain('linear, relu, sigmoid, tanh, softmax');
    // ...unless swapped for a neuron type: that layer only becomes LIFRate neurons, the rest is
    // the unedited model's graph.
    const swapped = await withEditedConfig((ls) => (layer(ls, 'activation').config.activation = 'elu'), { swapActivations: { elu: 'LIFRate' } });
    const plain = await importKeras({ bytes: fixtureBytes(SMALL), fileName: SMALL });
    expect(neuronTypes(swapped.graph)).toEqual({ activation: 'LIFRate', activation_1: 'RectifiedLinear' });
    expect(withoutNeuronTypes(swapped.graph)).toEqual(withoutNeuronTypes(plain.graph));
    expect(swapped.warnings).toEqual([]);
  });

  it('softmax anywhere but an output: KERAS_UNSUPPORTED_OPTION', async () => {
    const e = await failure(() => withEditedConfig((ls) => (layer(ls, 'activation_1').config.activation = 'softmax')));
    expect(e.code).toBe('KERAS_UNSUPPORTED_OPTION');
    expect(e.message).toContain("layer 'dense_1' (Dense)");
    expect(e.message).toMatch(/softmax is supported only/);
  });

  it('a model without a layer list (subclassed): KERAS_BAD_CONFIG', async () => {
    const e = await failure(() => importKeras({ bytes: fixtureBytes(SMALL), fileName: SMALL, architecture: { class_name: 'MyModel', config: { name: 'm' } } }));
    expect(e.code).toBe('KERAS_BAD_CONFIG');
    expect(e.message).toMatch(/Functional API/);
  });

  it('an undeclared input shape that cannot be inferred: KERAS_INPUT_SHAPE asking for inputShape', async () => {
    const e = await failure(() =>
      withEditedConfig((ls) => {
        ls.shift();
        delete layer(ls, 'conv2d').config.batch_input_shape;
      }),
    );
    expect(e.code).toBe('KERAS_INPUT_SHAPE');
    expect(e.message).toContain('inputShape');
    // With inputShape the model converts to the declared model's graph (its input node now
    // named after the first layer, as Keras names an implicit input).
    const given = await withEditedConfig(
      (ls) => {
        ls.shift();
        delete layer(ls, 'conv2d').config.batch_input_shape;
      },
      { inputShape: [28, 28, 1] },
    );
    const declared = await importKeras({ bytes: fixtureBytes(SMALL), fileName: SMALL });
    expect(given.graph.nodes.map((n) => n.kind)).toEqual(declared.graph.nodes.map((n) => n.kind));
    expect(given.graph.nodes.filter((n) => n.kind !== 'input')).toEqual(declared.graph.nodes.filter((n) => n.kind !== 'input'));
    expect(given.graph.nodes.find((n) => n.kind === 'input')).toMatchObject({ shape: [28, 28, 1] });
    expect(given.graph.metadata?.inputs).toMatchObject([{ kerasShape: [28, 28, 1] }]);
  });

  it('an input shape with unknown dimensions: KERAS_INPUT_SHAPE in NengoDL wording', async () => {
    const e = await failure(() => withEditedConfig((ls) => (ls[0].config.batch_input_shape = [null, null, 28, 1])));
    expect(e.code).toBe('KERAS_INPUT_SHAPE');
    expect(e.message).toContain('Input shapes must be fully specified; got [None, 28, 1]');
  });
});
