import { decodeSnn, encodeSnn, inferShapes } from '@snn/ir';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KerasGraphMetadata } from './convert/convert-model.js';
import { importKeras, type ImportResult } from './import-keras.js';
import { compileReference } from './testing/reference-forward.js';
import { FIXTURES, first20, fixtureInput, mnistTestImages, referenceLabels } from './test-support/fixtures.js';
import { argmax } from './test-support/tfjs-model.js';

const meta = (r: ImportResult): KerasGraphMetadata => r.graph.metadata as unknown as KerasGraphMetadata;
/** The classifier output: the last declared output (the TF.js model also outputs its hidden layers). */
const classifier = (r: ImportResult): string => meta(r).outputs[meta(r).outputs.length - 1].node;

/** Input shape Keras declares (Keras order) and the IR input shape (channels-last), per fixture. */
const SHAPES: Record<string, { keras: number[]; ir: number[]; format: string; kerasVersion: string }> = {
  snn_lenet5_channels_first_k224: { keras: [1, 28, 28], ir: [28, 28, 1], format: 'keras2-hdf5', kerasVersion: '2.2.4' },
  snn_lenet_avgpool_bias: { keras: [28, 28, 1], ir: [28, 28, 1], format: 'keras2-hdf5', kerasVersion: '2.2.4' },
  deepconcolic_small_k240: { keras: [28, 28, 1], ir: [28, 28, 1], format: 'keras2-hdf5', kerasVersion: '2.4.0' },
  deepconcolic_tecs_mlp1_k224: { keras: [28, 28, 1], ir: [28, 28, 1], format: 'keras2-hdf5', kerasVersion: '2.2.4' },
  moonflower_cnn_k311: { keras: [28, 28, 1], ir: [28, 28, 1], format: 'keras3-archive', kerasVersion: '3.1.1' },
  tensorspace_lenet_tfjs075: { keras: [28, 28, 1], ir: [28, 28, 1], format: 'tfjs-layers', kerasVersion: 'tfjs-layers 0.7.5' },
};

/**
 * Images per fixture for the label check: all 10k where the float64 pass is fast, fewer
 * for the convolutional nets so that the file stays well under a minute on 2 cores.
 */
const LABEL_IMAGES: Record<string, number> = {
  deepconcolic_tecs_mlp1_k224: 10000,
  deepconcolic_small_k240: 10000,
  snn_lenet5_channels_first_k224: 1000,
  snn_lenet_avgpool_bias: 1000,
  tensorspace_lenet_tfjs075: 1000,
  moonflower_cnn_k311: 1000,
};

describe.each(FIXTURES)('fixture $id', ({ id, file }) => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importKeras(fixtureInput(file));
  });

  it('loads into a valid IR graph with the declared input and a 10-way output', () => {
    const shapes = inferShapes(result.graph);
    const input = meta(result).inputs[0];
    expect(input.kerasShape).toEqual(SHAPES[id].keras);
    expect(shapes.get(input.node)).toEqual(SHAPES[id].ir);
    expect(shapes.get(classifier(result))).toEqual([10]);
    expect(meta(result).source.format).toBe(SHAPES[id].format);
    expect(meta(result).source.kerasVersion).toBe(SHAPES[id].kerasVersion);
    expect(result.warnings).toEqual([]);
  });

  it('records that Keras applies softmax at the output and keeps the logits in the graph', () => {
    const out = meta(result).outputs[meta(result).outputs.length - 1];
    expect(out.activation).toBe('softmax');
    expect(result.graph.nodes.some((n) => n.kind === 'neurons' && /softmax/i.test(n.neuronType))).toBe(false);
  });

  it('computes the reference logits of the first 20 MNIST test images to 1e-5 relative', () => {
    const ref = first20(id);
    const images = mnistTestImages(20);
    const model = compileReference(result.graph);
    const out = classifier(result);
    let maxRel = 0;
    for (let n = 0; n < 20; n++) {
      const logits = model.run({ [model.inputs[0].id]: images.subarray(n * 784, (n + 1) * 784) })[out];
      // softmax(logits) must give the stored outputs as well.
      const m = Math.max(...logits);
      const e = Array.from(logits, (v) => Math.exp(v - m));
      const z = e.reduce((a, b) => a + b, 0);
      for (let k = 0; k < 10; k++) {
        maxRel = Math.max(maxRel, Math.abs(logits[k] - ref.logits[n][k]) / Math.abs(ref.logits[n][k]));
        expect(Math.abs(e[k] / z - ref.outputs[n][k])).toBeLessThanOrEqual(1e-8 + 1e-5 * ref.outputs[n][k]);
      }
      expect(argmax(logits)).toBe(ref.predicted[n]);
    }
    expect(maxRel).toBeLessThan(1e-5);
  });

  it('predicts the reference labels of the MNIST test set', () => {
    const n = LABEL_IMAGES[id];
    const images = mnistTestImages(n);
    const labels = referenceLabels(id);
    const model = compileReference(result.graph);
    const out = classifier(result);
    let mismatches = 0;
    for (let i = 0; i < n; i++) {
      if (argmax(model.run({ [model.inputs[0].id]: images.subarray(i * 784, (i + 1) * 784) })[out]) !== labels[i]) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe('fixture specifics', () => {
  it('converts the channels_first LeNet at the border: channels-last conv input, Keras >= 2.2 flatten needs no permutation', async () => {
    const { graph } = await importKeras(fixtureInput('snn_lenet5_channels_first_k224.h5'));
    const m = graph.metadata as unknown as KerasGraphMetadata;
    expect(m.inputs[0].dataFormat).toBe('channels_first');
    expect(m.conversion.dataFormat).toBe('channels_first');
    const shapes = inferShapes(graph);
    expect(shapes.get('conv2d_1')).toEqual([24, 24, 6]);
    expect(shapes.get('conv2d_3')).toEqual([4, 4, 120]);
    expect(shapes.get('flatten_1')).toEqual([1920]);
  });

  it('keeps all eight outputs of the TF.js model in Keras order, or only those asked for', async () => {
    const all = await importKeras(fixtureInput('tensorspace_lenet_tfjs075/mnist.json'));
    expect(meta(all).outputs.map((o) => o.layer)).toEqual([
      'zero_padding2d_ZeroPadding2D1',
      'conv2d_Conv2D1',
      'max_pooling2d_MaxPooling2D1',
      'conv2d_Conv2D2',
      'max_pooling2d_MaxPooling2D2',
      'dense_Dense1',
      'dense_Dense2',
      'dense_Dense3',
    ]);
    const one = await importKeras(fixtureInput('tensorspace_lenet_tfjs075/mnist.json'), { outputs: ['dense_Dense3'] });
    expect(meta(one).outputs).toEqual([{ node: 'output', layer: 'dense_Dense3', activation: 'softmax' }]);
    expect(one.graph.nodes.filter((n) => n.kind === 'output')).toHaveLength(1);
  });

  it('imported graphs survive the .snn round trip with their metadata', async () => {
    const { graph } = await importKeras(fixtureInput('moonflower_cnn_k311.keras'), { synapse: 0.005, scaleFiringRates: 2 });
    const back = decodeSnn(encodeSnn(graph));
    expect(back.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    expect(back.metadata).toEqual(JSON.parse(JSON.stringify(graph.metadata)));
  });

  it('maps the dense-only DeepConcolic MLP to dense + RectifiedLinear pairs', async () => {
    const { graph } = await importKeras(fixtureInput('deepconcolic_tecs_mlp1_k224.h5'));
    expect(graph.nodes.map((n) => n.kind)).toEqual(['input', 'reshape', 'dense', 'neurons', 'dense', 'neurons', 'dense', 'neurons', 'dense', 'output']);
    expect(graph.nodes.filter((n) => n.kind === 'neurons').map((n) => (n.kind === 'neurons' ? n.neuronType : ''))).toEqual([
      'RectifiedLinear',
      'RectifiedLinear',
      'RectifiedLinear',
    ]);
  });
});
