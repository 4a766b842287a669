import { describe, expect, it } from 'vitest';
import { readKerasModel } from './formats/read-model.js';
import { inspectKerasModel } from './inspect.js';
import { fixtureBytes, fixtureInput } from './test-support/fixtures.js';
import type { KerasModelJson } from './wire/types.js';

describe('inspectKerasModel', () => {
  it('lists layers with classes, parameter counts and IR output shapes', async () => {
    const report = inspectKerasModel(await readKerasModel(fixtureInput('snn_lenet5_channels_first_k224.h5')));
    expect(report.error).toBeUndefined();
    expect(report.layers.map((l) => [l.name, l.className, l.params, l.outputShape, l.converts])).toEqual([
      ['conv2d_1', 'Conv2D', 5 * 5 * 6 + 6, [24, 24, 6], true],
      ['max_pooling2d_1', 'MaxPooling2D', 0, [12, 12, 6], true],
      ['conv2d_2', 'Conv2D', 5 * 5 * 6 * 16 + 16, [8, 8, 16], true],
      ['max_pooling2d_2', 'MaxPooling2D', 0, [4, 4, 16], true],
      ['dropout_1', 'Dropout', 0, undefined, true],
      ['conv2d_3', 'Conv2D', 5 * 5 * 16 * 120 + 120, [4, 4, 120], true],
      ['flatten_1', 'Flatten', 0, [1920], true],
      ['dense_1', 'Dense', 1920 * 84 + 84, [84], true],
      ['dense_2', 'Dense', 84 * 10 + 10, [10], true],
    ]);
    expect(report.params).toBe(156 + 2416 + 48120 + 161364 + 850);
  });

  it('marks the layer that stops the conversion and unregistered classes', async () => {
    const source = await readKerasModel(fixtureInput('deepconcolic_small_k240.h5'));
    const model = structuredClone(source.model) as KerasModelJson;
    const layers = (model.config as { layers: { class_name: string; config: Record<string, unknown> }[] }).layers;
    layers[1].config.dilation_rate = [2, 2];
    layers[3].class_name = 'Cropping2D';
    const report = inspectKerasModel(await readKerasModel({ bytes: fixtureBytes('deepconcolic_small_k240.h5'), architecture: model }));
    expect(report.error?.code).toBe('KERAS_UNSUPPORTED_OPTION');
    expect(report.layers.find((l) => l.name === 'conv2d')).toMatchObject({ converts: false });
    expect(report.layers.find((l) => l.name === 'conv2d')?.problem).toContain('dilation_rate');
    expect(report.layers.find((l) => l.name === 'flatten')).toMatchObject({ converts: false, problem: "no converter for Keras class 'Cropping2D'" });
    expect(report.layers.find((l) => l.name === 'dense')).toMatchObject({ converts: true, params: 5408 * 42 + 42 });
  });
});
