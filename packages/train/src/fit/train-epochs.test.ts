import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { GraphBuilder, createRng, isSnnError, param, type Graph } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { loadMnist } from '@snn/mnist/node';
import { exportGraph } from '../model/export-graph.js';
import { createModel, type TrainableModel } from '../model/model.js';
import type { OptimizerSpec } from '../optimizers/optimizer.js';
import type { OptimizerState } from '../optimizers/optimizer-state.js';
import { randomParam } from '../test-support/fixtures.js';
import { initTraining } from './init-training.js';
import { trainEpochs, type TrainingSnapshot } from './train-epochs.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
});

const neurons = createNeuronRegistry();
const data = loadMnist('train', 600);
const test = loadMnist('test', 300);
const losses = { out: 'sparseCategoricalCrossentropy' as const };

/** 784 -> dense 32 -> ReLU -> dense 10. */
function mlp(): Graph {
  const rng = createRng(5);
  const b = new GraphBuilder();
  let h = b.dense(b.input('image', [784]), { id: 'd0', weights: randomParam(rng, [784, 32], -0.08, 0.08), bias: param(new Float32Array(32), [32]) });
  h = b.neurons(h, { id: 'relu', neuronType: 'RectifiedLinear' });
  b.output(b.dense(h, { id: 'd1', weights: randomParam(rng, [32, 10], -0.3, 0.3), bias: param(new Float32Array(10), [10]) }), 'out');
  return b.build();
}

const weights = (model: TrainableModel): Float32Array[] => model.trainableVariables().map((v) => Float32Array.from(v.dataSync()));

async function run(model: TrainableModel, optimizer: OptimizerSpec, epochs: number, from?: { epoch: number; state?: OptimizerState }) {
  const snapshots: TrainingSnapshot[] = [];
  const history = await trainEpochs(model, {
    x: data.images,
    y: { out: data.labels },
    losses,
    optimizer,
    epochs,
    // 5 steps per epoch: tfjs's pow(beta2, 6) differs from Adam's running product beta2^6 in the last bit
    batchSize: 120,
    seed: 7,
    validation: { x: test.images, y: { out: test.labels } },
    ...(from ? { startEpoch: from.epoch, ...(from.state ? { optimizerState: from.state } : {}) } : {}),
    onEpoch: async (_, snapshot) => void snapshots.push(JSON.parse(JSON.stringify(await snapshot())) as TrainingSnapshot),
  });
  return { history, snapshots };
}

describe('trainEpochs', () => {
  it('evaluates the validation data after every epoch and reports epochs counted from the start', async () => {
    const model = createModel(mlp(), { neurons });
    const { history, snapshots } = await run(model, { type: 'adam', learningRate: 0.003 }, 2);
    expect(history.map((h) => h.epoch)).toEqual([1, 2]);
    // measured 0.6333 (190 of 300 validation images after 10 Adam steps; seeded, one thread, repeats
    // exactly), pinned within 3 binomial standard errors on 300 images, 3 * sqrt(0.6333 * 0.3667 / 300)
    // = 0.083, on both sides
    expect(Math.abs(history[1].validation!.accuracy.out - 0.6333)).toBeLessThan(3 * Math.sqrt((0.6333 * 0.3667) / test.labels.length));
    expect(history[1].loss).toBeLessThan(history[0].loss);
    expect(snapshots.map((s) => s.epoch)).toEqual([1, 2]);
    // Adam: iteration count, then first and second moments of the 4 variables
    expect(snapshots[1].optimizer.weights).toHaveLength(1 + 2 * 4);
    model.dispose();
  });

  it('augment: each epoch trains on the inputs it returns for that epoch', async () => {
    const calls: number[] = [];
    const seen: Float32Array[] = [];
    const train = async (augment?: (x: unknown, epoch: number) => Float32Array) => {
      const model = createModel(mlp(), { neurons });
      await trainEpochs(model, { x: data.images, y: { out: data.labels }, losses, optimizer: { type: 'adam', learningRate: 0.003 }, epochs: 2, batchSize: 120, seed: 7, ...(augment ? { augment } : {}) });
      const w = weights(model);
      model.dispose();
      return w;
    };
    const plain = await train();
    // an augmentation that returns the data itself trains exactly as none
    expect(await train((x, epoch) => (calls.push(epoch), x as Float32Array))).toEqual(plain);
    expect(calls).toEqual([1, 2]);
    // inverted images are other data: other weights
    const inverted = await train((x) => {
      const out = (x as Float32Array).map((v) => 1 - v);
      seen.push(out);
      return out;
    });
    expect(seen).toHaveLength(2);
    expect(inverted[0]).not.toEqual(plain[0]);
  });

  for (const spec of [{ type: 'adam', learningRate: 0.003 }, { type: 'rmsprop', learningRate: 0.001 }, { type: 'sgd', learningRate: 0.05, momentum: 0.9 }] as const) {
    it(`${spec.type}: resuming from epoch 1 with its snapshot ends where the uninterrupted run ends`, async () => {
      const straight = createModel(mlp(), { neurons });
      const { snapshots } = await run(straight, spec, 2);
      const first = createModel(mlp(), { neurons });
      const [checkpoint] = (await run(first, spec, 1)).snapshots;
      const resumed = createModel(exportGraph(first), { neurons });
      const { history } = await run(resumed, spec, 2, { epoch: 1, state: checkpoint.optimizer });
      expect(history.map((h) => h.epoch)).toEqual([2]);
      expect(weights(resumed)).toEqual(weights(straight));
      // without the optimizer state the second epoch differs (moments restart)
      const fresh = createModel(exportGraph(first), { neurons });
      await run(fresh, spec, 2, { epoch: 1 });
      expect(weights(fresh)).not.toEqual(weights(straight));
      expect(snapshots[0].optimizer.spec).toEqual(spec);
      for (const m of [straight, first, resumed, fresh]) m.dispose();
    });
  }

  it('refuses an optimizer state that does not fit the model, and epochs not beyond the start', async () => {
    const model = createModel(mlp(), { neurons });
    const { snapshots } = await run(model, { type: 'adam' }, 1);
    const b = new GraphBuilder();
    b.output(b.dense(b.input('image', [784]), { id: 'd', weights: param(new Float32Array(7840), [784, 10]) }), 'out');
    const other = createModel(b.build(), { neurons });
    const tensors = tf.memory().numTensors;
    const err = await trainEpochs(other, { x: data.images, y: { out: data.labels }, losses, epochs: 2, startEpoch: 1, optimizerState: snapshots[0].optimizer }).catch((e: unknown) => e);
    expect(isSnnError(err) && `${err.code}: ${err.message}`).toMatch(/^TRAIN_BAD_OPTIMIZER_STATE: the saved adam state does not fit the model: it has 8 slot tensors where adam keeps 2 per trainable variable \(1 variables\)/);
    expect(tf.memory().numTensors).toBe(tensors);
    const late = await trainEpochs(model, { x: data.images, y: { out: data.labels }, losses, epochs: 2, startEpoch: 2 }).catch((e: unknown) => e);
    expect(isSnnError(late) && late.code).toBe('TRAIN_BAD_OPTION');
    model.dispose();
    other.dispose();
  });
});
