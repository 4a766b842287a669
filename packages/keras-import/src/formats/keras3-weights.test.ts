import { describe, expect, it } from 'vitest';
import type { KerasModelJson } from '../wire/types.js';
import { keras3Keys, toSnakeCase } from './keras3-weights.js';

describe('Keras 3 weight keys', () => {
  it("snake-cases class names like Keras' naming.to_snake_case", () => {
    expect(['Conv2D', 'MaxPooling2D', 'Dense', 'InputLayer', 'ReLU', 'BatchNormalization', 'GlobalAveragePooling2D', 'LeakyReLU'].map(toSnakeCase)).toEqual([
      'conv2d',
      'max_pooling2d',
      'dense',
      'input_layer',
      're_lu',
      'batch_normalization',
      'global_average_pooling2d',
      'leaky_re_lu',
    ]);
  });

  it('keys layers by class and position, not by their (possibly misleading) names', () => {
    const model: KerasModelJson = {
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'InputLayer', config: { name: 'in' } },
          { class_name: 'Dense', config: { name: 'dense_1' } },
          { class_name: 'Dropout', config: { name: 'drop' } },
          { class_name: 'Dense', config: { name: 'dense' } },
          { class_name: 'Sequential', config: { name: 'block', layers: [{ class_name: 'Dense', config: { name: 'fc' } }] } },
        ],
      },
    };
    expect([...keras3Keys(model)]).toEqual([
      ['dense_1', 'dense'],
      ['drop', 'dropout'],
      ['dense', 'dense_1'],
      ['block', 'sequential'],
      ['block/fc', 'sequential/dense'],
    ]);
  });
});
