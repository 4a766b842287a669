import { beforeAll, describe, expect, it } from 'vitest';
import { trainEpochs } from './train-epochs.js';
import * as tf from '@tensorflow/tfjs-core';
import { GraphBuilder, createRng, isSnnError, param, type Graph } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createModel } from '../model/model.js';
import { randomParam } from '../test-support/fixtures.js';
import { evaluate, predict } from './evaluate.js';
import { fit, fitAsync } from './fit.js';
import { initTraining } from './init-training.js';
import { formatProgress, progressBar } from './progress.js';
import { permutation } from './shuffle.js';

beforeAll(async () => {
  await initTraining({ threads: 1 });
});

const neurons = createNeuronRegistry();
const rng = createRng(9);

/** x (4) -> d1 -> neurons 'hidden' (ReLU by default) -> d2 -> out (3 logits); d1 may be frozen in the graph. */
function mlp(frozen = false, neuronType = 'RectifiedLinear'): Graph {
  const b = new GraphBuilder();
  const x = b.input('x', [4]);
  let h = b.dense(x, { id: 'd1', weights: randomParam(rng, [4, 16], -0.5, 0.5), bias: param(new Float32Array(16), [16]), trainable: !frozen });
  h = b.neurons(h, { id: 'hidden', neuronType });
  b.output(b.dense(h, { id: 'd2', weights: randomParam(rng, [16, 3], -0.5, 0.5), bias: param(new Float32Array(3), [3]) }), 'out');
  return b.build();
}

/** Three Gaussian-ish blobs in 4-D, labels 0..2. */
function blobs(n: number): { x: Float32Array; y: Uint8Array } {
  const x = new Float32Array(n * 4);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 3;
    for (let k = 0; k < 4; k++) x[4 * i + k] = (k === y[i] ? 2 : 0) + rng.normal() * 0.5;
  }
  return { x, y };
}

const values = (model: ReturnType<typeof createModel>, id: string): Float32Array => Float32Array.from(model.variables.get(id)!.weights.dataSync());

describe('fit', () => {
  it('learns a 3-class problem; evaluate and predict agree', () => {
    const data = blobs(300);
    const model = createModel(mlp(), { neurons });
    const losses = { out: 'sparseCategoricalCrossentropy' as const };
    const tensors = tf.memory().numTensors;
    const { history } = fit(model, { x: data.x, y: { out: data.y }, losses, batchSize: 30, epochs: 5, optimizer: { type: 'adam', learningRate: 0.01 } });
    expect(tf.memory().numTensors).toBe(tensors); // no leaks; the optimizer's own state is disposed
    expect(history).toHaveLength(5);
    expect(history[4].loss).toBeLessThan(history[0].loss);
    const result = evaluate(model, { x: data.x, y: { out: data.y }, losses, batchSize: 64 });
    // The blobs' Bayes accuracy (argmax of the three informative coordinates, N(2, 0.5^2) vs
    // N(0, 0.5^2)) is integral phi(z) Phi(4 + z)^2 dz = 0.9955; on 300 samples its binomial
    // standard error is sqrt(0.9955 * 0.0045 / 300) = 0.0039. A model that learned the blobs is
    // within 3 standard errors of it (measured 0.9933, 298/300); a broken one is not.
    expect(result.accuracy.out).toBeGreaterThan(0.9955 - 3 * 0.0039);
    const out = predict(model, { x: data.x, batchSize: 64 }).out;
    expect(out.shape).toEqual([300, 3]);
    expect(tf.memory().numTensors).toBe(tensors);
    model.dispose();
  });

  it('trainable=false on a node freezes it; a per-call override freezes or unfreezes', () => {
    const data = blobs(120);
    const losses = { out: 'sparseCategoricalCrossentropy' as const };
    const model = createModel(mlp(true), { neurons });
    const d1 = values(model, 'd1');
    const d2 = values(model, 'd2');
    fit(model, { x: data.x, y: { out: data.y }, losses, batchSize: 40, epochs: 2 });
    expect(values(model, 'd1')).toEqual(d1);
    expect(values(model, 'd2')).not.toEqual(d2);
    const d2After = values(model, 'd2');
    fit(model, { x: data.x, y: { out: data.y }, losses, batchSize: 40, trainable: { d1: true, d2: false } });
    expect(values(model, 'd2')).toEqual(d2After);
    expect(values(model, 'd1')).not.toEqual(d1);
    let error: unknown;
    try {
      fit(model, { x: data.x, y: { out: data.y }, losses, batchSize: 40, trainable: { d1: false, d2: false } });
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error) && error.code).toBe('TRAIN_NOTHING_TRAINABLE');
    model.dispose();
  });

  it('firing-rate regularization (MSE to a constant 250 Hz target on a neuron probe) moves the rates to the target', () => {
    const data = blobs(120);
    // LIF trains through SoftLIFRate, whose gradient is nonzero everywhere (ReLU units that
    // start silent would stay silent under a rate loss).
    const model = createModel(mlp(false, 'LIF'), { neurons });
    const meanRate = (): number => {
      const r = predict(model, { x: data.x, outputs: ['hidden'] }).hidden.data;
      return r.reduce((a, b) => a + b, 0) / r.length;
    };
    expect(meanRate()).toBeLessThan(60);
    const { history } = fit(model, {
      x: data.x,
      y: { out: data.y },
      losses: { out: { loss: 'sparseCategoricalCrossentropy', weight: 1 }, hidden: { loss: 'mse', weight: 1e-3, target: 250 } },
      optimizer: { type: 'adam', learningRate: 0.05 },
      batchSize: 40,
      epochs: 100,
    });
    expect(Object.keys(history[0].losses)).toEqual(['out', 'hidden']);
    expect(history[0].losses.hidden).toBeGreaterThan(200 ** 2);
    // measured: mean rate 52 -> 215 Hz, rate MSE 46757 -> 3450 over 300 steps
    expect(history[99].losses.hidden).toBeLessThan(history[0].losses.hidden / 10);
    expect(Math.abs(meanRate() - 250)).toBeLessThan(50);
    model.dispose();
  });

  it('refuses NaN values, empty sets, non-arrays and image/label count mismatches in fit, evaluate and trainEpochs', async () => {
    const data = blobs(60);
    const model = createModel(mlp(), { neurons });
    const losses = { out: 'sparseCategoricalCrossentropy' as const };
    const refuses = (fn: () => unknown, text: RegExp): void => {
      let error: unknown;
      try {
        fn();
      } catch (e) {
        error = e;
      }
      expect(isSnnError(error, 'TRAIN_BAD_DATA'), String(error)).toBe(true);
      expect((error as Error).message).toMatch(text);
    };
    const nan = data.x.slice();
    nan[5 * 4 + 2] = Number.NaN;
    refuses(() => fit(model, { x: nan, y: { out: data.y }, losses, batchSize: 10 }), /input 'x' holds NaN at sample 5, value 2/);
    refuses(() => evaluate(model, { x: data.x, y: { out: Float32Array.of(...data.y.slice(0, 59), Number.POSITIVE_INFINITY) }, losses }), /target 'out' holds Infinity at sample 59/);
    refuses(() => evaluate(model, { x: new Float32Array(0), y: { out: new Uint8Array(0) }, losses }), /input 'x' is empty; give at least one sample of 4 values/);
    await expect(Promise.resolve().then(() => trainEpochs(model, { x: data.x, y: { out: data.y.subarray(0, 50) }, losses, epochs: 1 }))).rejects.toSatisfy(
      (e: unknown) => isSnnError(e, 'TRAIN_BAD_DATA') && /different numbers of samples \(x: 60, out: 50\)/.test((e as Error).message),
    );
    refuses(() => fit(model, { x: undefined as unknown as Float32Array, y: { out: data.y }, losses }), /x must be an array of samples .*; got undefined/);
    refuses(() => fit(model, { x: data.x.subarray(0, 59 * 4 + 3), y: { out: data.y }, losses }), /input 'x'.*with 4 values per sample/);
    model.dispose();
  });

  it('accepts NengoDL (batch, 1, n) arrays and rejects more than one step with a clear error', () => {
    const data = blobs(60);
    const model = createModel(mlp(), { neurons });
    const losses = { out: 'sparseCategoricalCrossentropy' as const };
    const ok = evaluate(model, { x: { data: data.x, shape: [60, 1, 4] }, y: { out: { data: data.y, shape: [60, 1, 1] } }, losses });
    // the same samples as (batch, n) arrays: the same figures to the last bit
    const flat = evaluate(model, { x: data.x, y: { out: data.y }, losses });
    expect(ok.loss).toBe(flat.loss);
    expect(ok.accuracy.out).toBe(flat.accuracy.out);
    const tiled = new Float32Array(60 * 3 * 4);
    let error: unknown;
    try {
      fit(model, { x: { data: tiled, shape: [60, 3, 4] }, y: { out: data.y }, losses });
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error) && error.code).toBe('TRAIN_BAD_DATA');
    expect((error as Error).message).toMatch(/3 steps per sample/);
    const bad = Uint8Array.from(data.y);
    bad[7] = 3;
    expect(() => evaluate(model, { x: data.x, y: { out: bad }, losses })).toThrow(/sample 7 has label 3; labels must be integers from 0 to 2/);
    model.dispose();
  });

  it('shuffles with a seed: equal seeds give equal orders, every index once', () => {
    const a = permutation(50, createRng(1));
    expect(a).toEqual(permutation(50, createRng(1)));
    expect(a).not.toEqual(permutation(50, createRng(2)));
    expect([...a].sort((x, y) => x - y)).toEqual([...Array(50).keys()]);
  });

  it('reports progress per batch and draws a progress bar', () => {
    const data = blobs(90);
    const model = createModel(mlp(), { neurons });
    const lines: string[] = [];
    const bar = progressBar({ write: (t: string) => lines.push(t) }, 10);
    fit(model, { x: data.x, y: { out: data.y }, losses: { out: 'sparseCategoricalCrossentropy' }, batchSize: 30, epochs: 2, onBatch: bar });
    expect(lines).toHaveLength(6);
    expect(lines[2]).toMatch(/^\repoch 1\/2 \[##########\] 3\/3 loss \d+\.\d{4} \d+ samples\/s \d+\.\ds\n$/);
    expect(formatProgress({ epoch: 1, epochs: 1, batch: 1, batches: 2, loss: 0.5, samplesPerSecond: 100, seconds: 2 }, 4)).toBe(
      'epoch 1/1 [##..] 1/2 loss 0.5000 100 samples/s 2.0s',
    );
    expect(formatProgress({ epoch: 3, epochs: 4, batch: 2, batches: 2, loss: 0.25, samplesPerSecond: 812.4, seconds: 1 }, 4, 'images')).toBe(
      'epoch 3/4 [####] 2/2 loss 0.2500 812 images/s 1.0s',
    );
    model.dispose();
  });
});

describe('fitAsync', () => {
  it('gives the weights and metrics of fit, and lets timers (a Ctrl-C handler) run between batches', async () => {
    const data = blobs(600);
    const graph = mlp();
    const options = { x: data.x, y: { out: data.y }, losses: { out: 'sparseCategoricalCrossentropy' as const }, batchSize: 10, epochs: 2, seed: 4 };
    const sync = createModel(graph, { neurons });
    const a = fit(sync, options);
    const model = createModel(graph, { neurons });
    let batches = 0;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const b = await fitAsync(model, { ...options, onBatch: () => void batches++ }, 0);
    clearInterval(timer);
    expect(batches).toBe(120);
    expect(ticks).toBeGreaterThanOrEqual(100); // with yieldEveryMs 0, the event loop runs after (nearly) every batch
    expect(b.history.map((h) => h.loss)).toEqual(a.history.map((h) => h.loss));
    for (const id of ['d1', 'd2']) expect(values(model, id)).toEqual(values(sync, id));
    sync.dispose();
    model.dispose();
  });
});
