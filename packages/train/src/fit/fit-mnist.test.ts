import { beforeAll, describe, expect, it } from 'vitest';
import { createNeuronRegistry } from '@snn/neurons';
import { loadMnist } from '@snn/mnist/node';
import { createModel } from '../model/model.js';
import { kerasToSnnGraph } from '../networks/keras-to-snn.js';
import { evaluate, predict } from './evaluate.js';
import { fit, type EpochMetrics } from './fit.js';
import { initTraining } from './init-training.js';
import type { BatchProgress } from './progress.js';

beforeAll(async () => {
  await initTraining({ threads: 2 });
});

const TRAIN = 3000;
const TEST = 1000;

describe('fit on MNIST (keras-to-snn network)', () => {
  it('reaches > 80% test accuracy after one epoch on 3000 images (Adam 1e-3, batch 200)', () => {
    const train = loadMnist('train', TRAIN);
    const test = loadMnist('test', TEST);
    const model = createModel(kerasToSnnGraph(1), { neurons: createNeuronRegistry() });
    const losses = { out: 'sparseCategoricalCrossentropy' as const };
    const x = { data: train.images, shape: [TRAIN, 1, 784] }; // NengoDL layout (batch, steps, 784)
    const before = evaluate(model, { x: test.images, y: { out: test.labels }, losses });
    const progress: BatchProgress[] = [];
    const epochs: EpochMetrics[] = [];
    const t0 = performance.now();
    const { history } = fit(model, {
      x,
      y: { out: train.labels },
      losses,
      optimizer: { type: 'adam', learningRate: 1e-3 },
      batchSize: 200,
      epochs: 1,
      seed: 3,
      onBatch: (p) => progress.push(p),
      onEpoch: (m) => epochs.push(m),
    });
    const seconds = (performance.now() - t0) / 1000;
    const after = evaluate(model, { x: test.images, y: { out: test.labels }, losses });
    console.log(`keras-to-snn: ${(seconds / 15).toFixed(3)} s per batch of 200; test accuracy ${before.accuracy.out} -> ${after.accuracy.out}`);
    expect(progress.length).toBe(15);
    expect(progress[14].batch).toBe(15);
    expect(epochs).toEqual(history);
    expect(history[0].accuracy.out).toBeGreaterThan(0.3);
    expect(before.accuracy.out).toBeLessThan(0.3);
    expect(after.loss).toBeLessThan(before.loss / 3);
    // measured 0.841 (seed 1/3, 15 steps); pinned within 3 binomial standard errors of an
    // accuracy on 1000 images, 3 * sqrt(0.841 * 0.159 / 1000) = 0.035, on both sides
    expect(Math.abs(after.accuracy.out - 0.841)).toBeLessThan(3 * Math.sqrt((0.841 * 0.159) / TEST));
    // predict agrees with evaluate's accuracy
    const out = predict(model, { x: test.images }).out;
    let correct = 0;
    for (let i = 0; i < TEST; i++) {
      const row = out.data.subarray(i * 10, i * 10 + 10);
      if (row.indexOf(Math.max(...row)) === test.labels[i]) correct++;
    }
    expect(correct / TEST).toBeCloseTo(after.accuracy.out, 6);
    model.dispose();
  });
});
