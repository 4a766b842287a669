import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, getNode, isSnnError, param, setSynapses, type Graph, type NeuronsNode } from '@snn/ir';
import { initBackend } from '../backend/init.js';
import { compile } from '../compile.js';
import { registries } from '../test-support/fixtures.js';
import { calibrate } from './calibrate.js';
import { percentileInPlace } from './percentile.js';

beforeAll(async () => {
  await initBackend();
});

const dt = 0.001;
const n = 8;

/** x (8) -> dense (identity) -> ReLU 'h' -> dense (mean of the 8) -> out, with a lowpass on h's edge. */
function network(neuronType = 'RectifiedLinear'): Graph {
  const b = new GraphBuilder();
  const x = b.input('x', [n]);
  const eye = new Float32Array(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  const d = b.dense(x, { id: 'd0', weights: param(eye, [n, n]) });
  const h = b.neurons(d, { id: 'h', neuronType });
  const out = b.dense(h, { id: 'd1', weights: param(new Float32Array(n).fill(1 / n), [n, 1]), synapse: { type: 'lowpass', params: { tau: 0.005 } } });
  b.output(out, 'out');
  return b.build();
}

/** 500 samples: neuron i sees values in [-1, 1 + i) (so the layer's tail is a few large values). */
function data(samples = 500): Float32Array {
  const x = new Float32Array(samples * n);
  let seed = 1;
  const next = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let s = 0; s < samples; s++) for (let i = 0; i < n; i++) x[s * n + i] = -1 + (2 + i) * next();
  return x;
}

describe('calibrate (data-based normalization)', () => {
  const x = data();
  const positive = Float32Array.from(x.filter((v) => v > 0));
  const mean = x.reduce((a, v) => a + Math.max(v, 0), 0) / x.length;

  it('maps the 99.9th percentile of positive activations to one spike per step, as IntegrateAndFire, synapses removed', () => {
    const graph = network();
    const before = structuredClone(graph);
    const result = calibrate(graph, { x }, registries());
    expect(graph).toEqual(before);
    const lambda = percentileInPlace(Float32Array.from(positive), 99.9);
    const [layer] = result.layers;
    expect(layer.threshold).toBeCloseTo(lambda, 5);
    expect(layer.scale).toBeCloseTo(1 / (lambda * dt), 3);
    expect(layer.expectedRateHz).toBeCloseTo(mean / (lambda * dt), 3);
    expect(layer.limitedBy).toBe('percentile');
    const h = getNode(result.graph, 'h') as NeuronsNode;
    expect(h.neuronType).toBe('IntegrateAndFire');
    expect(h.gain!.data[0]).toBeCloseTo(layer.scale, 2);
    expect(h.params!.amplitude).toBeCloseTo(1 / layer.scale, 9);
    expect(result.graph.edges.every((e) => e.synapse === undefined)).toBe(true);
    expect(result.graph.metadata).toMatchObject({ readout: 'mean', calibration: { percentile: 99.9, samples: 500, neuronType: 'IntegrateAndFire' } });
  });

  it('the spiking network fires at the expected rate and its mean output approaches the ANN output', () => {
    const result = calibrate(network(), { x }, registries());
    const ann = compile(setSynapses(network(), null), { ...registries(), mode: 'rate' }).run({ x }, { nSteps: 1 }).probes.out.data;
    const T = 200;
    const run = compile(result.graph, registries()).run({ x }, { nSteps: T, probes: { out: { node: 'out', keep: { meanLast: T } } } });
    expect(run.stats.h.firingRateHz / result.layers[0].expectedRateHz).toBeGreaterThan(0.98);
    expect(run.stats.h.firingRateHz / result.layers[0].expectedRateHz).toBeLessThan(1.02);
    let worst = 0;
    for (let i = 0; i < ann.length; i++) worst = Math.max(worst, Math.abs(run.probes.out.data[i] - ann[i]));
    // one spike carries lambda / n into the output; with the half-threshold start each neuron's count is off by at most 1/2
    expect(worst).toBeLessThan((0.5 * result.layers[0].threshold) / T + 1e-4);
  });

  it('a target rate lowers the scale of a layer that would fire faster on average', () => {
    const free = calibrate(network(), { x }, registries()).layers[0];
    const target = free.expectedRateHz / 4;
    const capped = calibrate(network(), { x }, { ...registries(), targetRateHz: target }).layers[0];
    expect(capped.limitedBy).toBe('targetRate');
    expect(capped.expectedRateHz).toBeCloseTo(target, 6);
    expect(capped.scale).toBeCloseTo(free.scale / 4, 3);
    expect(calibrate(network(), { x }, { ...registries(), targetRateHz: free.expectedRateHz * 2 }).layers[0].limitedBy).toBe('percentile');
  });

  it('percentile 100 maps the largest activation; other percentiles move the threshold', () => {
    const max = positive.reduce((a, v) => Math.max(a, v), 0);
    expect(calibrate(network(), { x }, { ...registries(), percentile: 100 }).layers[0].threshold).toBeCloseTo(max, 5);
    expect(calibrate(network(), { x }, { ...registries(), percentile: 50 }).layers[0].threshold).toBeCloseTo(percentileInPlace(Float32Array.from(positive), 50), 5);
  });

  it("includeZeros takes the percentile over every activation (SpikingJelly's rule): a lower threshold here", () => {
    const all = calibrate(network(), { x }, { ...registries(), includeZeros: true }).layers[0];
    const relu = Float32Array.from(x, (v) => Math.max(v, 0));
    expect(all.threshold).toBeCloseTo(percentileInPlace(relu, 99.9), 5);
    expect(all.threshold).toBeLessThan(calibrate(network(), { x }, registries()).layers[0].threshold);
  });

  it('is idempotent: calibrating a calibrated network changes no scale', () => {
    const once = calibrate(network(), { x }, registries());
    const twice = calibrate(once.graph, { x }, registries());
    expect(twice.layers[0].scale).toBeCloseTo(1, 5);
    expect(twice.layers[0].threshold).toBeCloseTo(once.layers[0].threshold, 5);
    expect((getNode(twice.graph, 'h') as NeuronsNode).gain!.data[0]).toBeCloseTo((getNode(once.graph, 'h') as NeuronsNode).gain!.data[0], 2);
  });

  it('converts already spiking ReLU-family layers too, and keeps an amplitude', () => {
    const g = network('SpikingRectifiedLinear');
    const result = calibrate(g, { x }, { ...registries(), initialVoltage: 0.25 });
    expect((getNode(result.graph, 'h') as NeuronsNode).params).toMatchObject({ initialVoltage: 0.25 });
  });

  it('rejects a bad percentile, an unreachable target rate, a network without neurons, and types it cannot calibrate', () => {
    const fails = (fn: () => unknown, code: string, text: RegExp): void => {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(isSnnError(e, code), String(e)).toBe(true);
        expect((e as Error).message).toMatch(text);
      }
    };
    fails(() => calibrate(network(), { x }, { ...registries(), percentile: 0 }), 'SIM_BAD_ARGUMENT', /percentile 0 is outside \(0, 100\]/);
    fails(() => calibrate(network(), { x }, { ...registries(), percentile: 100.5 }), 'SIM_BAD_ARGUMENT', /percentile 100.5/);
    fails(() => calibrate(network(), { x }, { ...registries(), targetRateHz: 1000 }), 'SIM_BAD_ARGUMENT', /target rate 1000 Hz cannot be reached.*1\/dt = 1000 Hz/);
    const b = new GraphBuilder();
    b.output(b.dense(b.input('x', [n]), { id: 'd', weights: param(new Float32Array(n), [n, 1]) }), 'out');
    fails(() => calibrate(b.build(), { x }, registries()), 'SIM_NO_NEURONS', /no neuron layers/);
    fails(() => calibrate(network('LIF'), { x }, registries()), 'SIM_UNSUPPORTED', /node 'h' has neuron type LIF/);
    fails(() => calibrate(network(), { x }, { ...registries(), neuronType: 'LIF' }), 'SIM_BAD_ARGUMENT', /neuronType 'LIF'/);
    fails(() => calibrate(network(), { x }, { ...registries(), initialVoltage: 1.5 }), 'SIM_BAD_ARGUMENT', /initialVoltage 1.5 is not allowed for IntegrateAndFire/);
    fails(() => calibrate(network(), { x }, { ...registries(), neuronType: 'SpikingRectifiedLinear', initialVoltage: 0 }), 'SIM_BAD_ARGUMENT', /'SpikingRectifiedLinear' has no initialVoltage/);
  });
});
