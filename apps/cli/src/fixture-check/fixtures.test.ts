import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { first20, fixtureDir, fixtureModels, referenceLabels } from './fixtures.js';

describe('the Keras fixtures', () => {
  it('are found beside the repository (shared/fixtures/keras)', () => {
    expect(existsSync(join(fixtureDir(), 'README.md'))).toBe(true);
  });

  it('README table: six models with their files, input shapes and 10k test-set accuracies', () => {
    const models = fixtureModels();
    expect(models.map((m) => [m.id, m.file, m.inputShape, m.accuracyPercent])).toEqual([
      ['snn_lenet5_channels_first_k224', 'snn_lenet5_channels_first_k224.h5', [1, 28, 28], 99.14],
      ['snn_lenet_avgpool_bias', 'snn_lenet_avgpool_bias.h5', [28, 28, 1], 99.1],
      ['deepconcolic_small_k240', 'deepconcolic_small_k240.h5', [28, 28, 1], 97.56],
      ['deepconcolic_tecs_mlp1_k224', 'deepconcolic_tecs_mlp1_k224.h5', [784], 97.46],
      ['moonflower_cnn_k311', 'moonflower_cnn_k311.keras', [28, 28, 1], 99.18],
      ['tensorspace_lenet_tfjs075', 'tensorspace_lenet_tfjs075/mnist.json', [28, 28, 1], 97.64],
    ]);
    for (const m of models) expect(existsSync(join(fixtureDir(), m.file))).toBe(true);
  });

  it('reference files: 10,000 labels and 20 outputs per model', () => {
    for (const m of fixtureModels()) {
      expect(referenceLabels(m.id)).toHaveLength(10000);
      const ref = first20(m.id);
      expect(ref.outputs).toHaveLength(20);
      expect(ref.predicted).toEqual(Array.from(referenceLabels(m.id).subarray(0, 20)));
    }
  });
});
