import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, GraphBuilder, heNormal, scalar, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { neuronWasm } from '@snn/neurons';
import { compile } from './compile.js';
import { initBackend } from './backend/init.js';
import { normwiseRelativeError, registries } from './test-support/fixtures.js';

beforeAll(async () => {
  await initBackend();
});

/** A small keras-to-snn-shaped spiking network: conv 3x3x8 -> conv 3x3x16 s2 (same) -> dense 10. */
function network(neuronType: string, scale: number, tau: number): Graph {
  const rng = createRng(11);
  const synapse = tau > 0 ? { type: 'lowpass', params: { tau } } : undefined;
  const b = new GraphBuilder();
  let h = b.conv(b.input('image', [28, 28, 1]), { id: 'conv0', kernel: heNormal([3, 3, 1, 8], 9, rng) });
  h = b.neurons(h, { id: 'n0', neuronType, gain: scalar(scale), params: { amplitude: 1 / scale } });
  h = b.conv(h, { id: 'conv1', kernel: heNormal([3, 3, 8, 16], 72, rng), strides: [2, 2], padding: 'same', synapse });
  h = b.neurons(h, { id: 'n1', neuronType, gain: scalar(scale), params: { amplitude: 1 / scale } });
  h = b.dense(b.flatten(h), { id: 'dense', weights: heNormal([13 * 13 * 16, 10], 2704, rng), synapse });
  b.output(h, 'out');
  return b.build();
}

/**
 * Run `graph` (nodes conv1 and dense event-capable, n1 spiking) forced event-driven and forced
 * dense: every step took the forced path, n1 spikes the same, outputs agree to float rounding.
 */
function expectEventEqualsDense(graph: Graph, images: Float32Array, precision: 'float64' | 'float32'): void {
  const runWith = (propagation: 'event' | 'dense') =>
    compile(graph, { ...registries(), propagation, batchSize: 10, precision }).run({ image: images }, {
      nSteps: 20,
      probes: { out: { node: 'out', keep: 'all' }, s1: { node: 'n1', keep: 'all' } },
    });
  const event = runWith('event');
  const dense = runWith('dense');
  // conv0 reads the constant image: once per batch (2 batches)
  expect(event.propagation).toEqual({ conv0: { event: 2, dense: 0 }, conv1: { event: 40, dense: 0 }, dense: { event: 40, dense: 0 } });
  expect(dense.propagation).toEqual({ conv0: { event: 0, dense: 2 }, conv1: { event: 0, dense: 40 }, dense: { event: 0, dense: 40 } });
  expect(event.stats.n1.spikes).toBeGreaterThan(0);
  expect(Array.from(event.probes.s1.data)).toEqual(Array.from(dense.probes.s1.data));
  expect(normwiseRelativeError(event.probes.out.data, dense.probes.out.data)).toBeLessThan(1e-4);
}

describe('event-driven propagation', () => {
  const images = loadMnist('test', 20).images;

  it('gives the dense result (same spikes, outputs equal to float rounding) and is chosen at low activity', () => {
    const graph = network('SpikingRectifiedLinear', 20, 0.005);
    const runWith = (propagation: 'event' | 'dense' | 'auto') =>
      compile(graph, { ...registries(), propagation, batchSize: 10 }).run({ image: images }, {
        nSteps: 20,
        probes: { out: { node: 'out', keep: 'all' }, s0: { node: 'n0', keep: 'all' } },
      });
    const event = runWith('event');
    const dense = runWith('dense');
    expect(Array.from(event.probes.s0.data)).toEqual(Array.from(dense.probes.s0.data));
    expect(normwiseRelativeError(event.probes.out.data, dense.probes.out.data)).toBeLessThan(1e-4);
    expect(event.propagation.conv1).toEqual({ event: 40, dense: 0 });
    expect(dense.propagation.conv1).toEqual({ event: 0, dense: 40 });
    const auto = runWith('auto');
    expect(auto.propagation.dense.event).toBe(40); // 10 outputs per spike: always cheaper as events
    expect(event.stats.n0.synops).toBeGreaterThan(0);
    expect(event.stats.n0.synops).toBeCloseTo(dense.stats.n0.synops, 0);
  });

  it('also runs transforms fed by spikes with no synapse event-driven (W·x this step, no delay), equal to dense', () => {
    const graph = network('LIF', 1, 0); // no synapses: conv1 and dense read the spikes directly
    const plan = Object.fromEntries(compile(graph, registries()).describePlan().map((p) => [p.id, p]));
    expect(plan.conv1).toMatchObject({ exec: 'linear', eventDriven: true });
    expect(plan.dense).toMatchObject({ exec: 'linear', eventDriven: true });
    expectEventEqualsDense(graph, images, 'float64');
  });

  it('scatters a pool of spikes event-driven into the conv and dense after it, equal to dense', () => {
    // NengoDL's spiking-MNIST shape: LIF -> avg-pool 2 -> conv (no synapse) -> LIF -> avg-pool 2 -> dense
    const rng = createRng(12);
    const b = new GraphBuilder();
    let h = b.conv(b.input('image', [28, 28, 1]), { id: 'conv0', kernel: heNormal([3, 3, 1, 8], 9, rng) });
    h = b.neurons(h, { id: 'n0', neuronType: 'LIF', gain: scalar(20), params: { amplitude: 0.05 } });
    h = b.pool(h, { id: 'pool0', op: 'avg', window: [2, 2] });
    h = b.conv(h, { id: 'conv1', kernel: heNormal([3, 3, 8, 16], 72, rng) });
    h = b.neurons(h, { id: 'n1', neuronType: 'LIF', gain: scalar(20), params: { amplitude: 0.05 } });
    h = b.pool(h, { id: 'pool1', op: 'avg', window: [2, 2] });
    h = b.dense(b.flatten(h), { id: 'dense', weights: heNormal([5 * 5 * 16, 10], 400, rng) });
    b.output(h, 'out');
    const graph = b.build();
    const plan = Object.fromEntries(compile(graph, registries()).describePlan().map((p) => [p.id, p]));
    expect(plan.conv1).toMatchObject({ eventDriven: true });
    expect(plan.dense).toMatchObject({ eventDriven: true });
    for (const precision of ['float64', 'float32'] as const) expectEventEqualsDense(graph, images, precision);
  });

  it('moves a synapse before an average pool past the conv after it (filter(W·pool(s))), runs it event-driven, same result', () => {
    // A: neurons -(lowpass)-> avg-pool -> conv -> neurons, the converter's layout with --synapse;
    // B: the same with the lowpass after the conv. Linear filter, zero initial state, no bias:
    // both compute the same current into n1.
    const build = (synapseAfterConv: boolean) => {
      const rng = createRng(13);
      const synapse = { type: 'lowpass', params: { tau: 0.005 } };
      const b = new GraphBuilder();
      let h = b.conv(b.input('image', [28, 28, 1]), { id: 'conv0', kernel: heNormal([3, 3, 1, 8], 9, rng) });
      h = b.neurons(h, { id: 'n0', neuronType: 'SpikingRectifiedLinear', gain: scalar(50), params: { amplitude: 0.02 } });
      h = b.pool(h, { id: 'pool0', op: 'avg', window: [2, 2], ...(synapseAfterConv ? {} : { synapse }) });
      h = b.conv(h, { id: 'conv1', kernel: heNormal([3, 3, 8, 16], 72, rng), ...(synapseAfterConv ? { synapse } : {}) });
      h = b.neurons(h, { id: 'n1', neuronType: 'SpikingRectifiedLinear', gain: scalar(50), params: { amplitude: 0.02 } });
      b.output(b.dense(b.flatten(h), { id: 'dense', weights: heNormal([11 * 11 * 16, 10], 1936, rng) }), 'out');
      return b.build();
    };
    const a = build(false);
    const plan = Object.fromEntries(compile(a, registries()).describePlan().map((p) => [p.id, p]));
    expect(plan.conv1).toMatchObject({ exec: 'filtered', eventDriven: true });
    const run = (graph: Graph, propagation: 'event' | 'dense') =>
      compile(graph, { ...registries(), propagation, batchSize: 10 }).run({ image: images }, {
        nSteps: 20,
        probes: { out: { node: 'out', keep: 'all' }, s1: { node: 'n1', keep: 'all' }, pool: { node: 'pool0', keep: 'last' } },
      });
    const fused = run(a, 'event');
    const reference = run(build(true), 'event');
    expect(fused.propagation.conv1).toEqual({ event: 40, dense: 0 });
    expect(fused.stats.n1.spikes).toBeGreaterThan(0);
    expect(Array.from(fused.probes.s1.data)).toEqual(Array.from(reference.probes.s1.data));
    expect(normwiseRelativeError(fused.probes.out.data, reference.probes.out.data)).toBeLessThan(1e-4);
    // the pool node still gives its filtered value to probes
    expect(Math.max(...fused.probes.pool.data)).toBeGreaterThan(0);
    const dense = run(a, 'dense');
    expect(Array.from(dense.probes.s1.data)).toEqual(Array.from(fused.probes.s1.data));
  });

  it('scatters the nonzero pixels of a constant image through the conv it feeds once per batch, equal to the dense conv', () => {
    const graph = network('SpikingRectifiedLinear', 20, 0.005);
    const plan = Object.fromEntries(compile(graph, registries()).describePlan().map((p) => [p.id, p]));
    expect(plan.conv0).toMatchObject({ eventDriven: true });
    const runWith = (propagation: 'event' | 'dense' | 'auto', precision: 'float32' | 'float64') =>
      compile(graph, { ...registries(), propagation, batchSize: 10, precision }).run({ image: images }, {
        nSteps: 3,
        probes: { c0: { node: 'conv0', keep: 'last' }, s0: { node: 'n0', keep: 'all' } },
      });
    for (const precision of ['float32', 'float64'] as const) {
      const [event, dense] = [runWith('event', precision), runWith('dense', precision)];
      expect(event.propagation.conv0).toEqual({ event: 2, dense: 0 });
      expect(normwiseRelativeError(event.probes.c0.data, dense.probes.c0.data)).toBeLessThan(1e-6);
      expect(Array.from(event.probes.s0.data)).toEqual(Array.from(dense.probes.s0.data));
    }
    // auto: 8 output channels scatter entry by entry (~10 dense multiply-adds each), too dear for
    // a fifth of the pixels lit; 32 channels go through the SIMD scatter (~2.5), cheaper
    expect(runWith('auto', 'float32').propagation.conv0).toEqual({ event: 0, dense: 2 });
    const b = new GraphBuilder();
    const c = b.conv(b.input('image', [28, 28, 1]), { id: 'conv0', kernel: heNormal([3, 3, 1, 32], 9, createRng(3)) });
    b.output(b.neurons(c, { id: 'n0', neuronType: 'SpikingRectifiedLinear', gain: scalar(20) }), 'out');
    const wide = compile(b.build(), { ...registries(), batchSize: 10 }).run({ image: images }, { nSteps: 2 });
    expect(wide.propagation.conv0).toEqual({ event: 2, dense: 0 });
  });

  it('auto mode repeats exactly for a seed', () => {
    const graph = network('SpikingRectifiedLinear', 200, 0.005);
    const run = () => compile(graph, { ...registries(), seed: 5, batchSize: 10 }).run({ image: images }, { nSteps: 15, probes: { out: { node: 'out', keep: 'all' } } });
    const a = run();
    const b = run();
    expect(Array.from(a.probes.out.data)).toEqual(Array.from(b.probes.out.data));
    expect(a.propagation).toEqual(b.propagation);
  });
});

describe('the plan', () => {
  it('computes the constant-input chain once per presentation and the spike-driven transforms event-capable', () => {
    const sim = compile(network('SpikingRectifiedLinear', 20, 0.005), registries());
    const plan = Object.fromEntries(sim.describePlan().map((p) => [p.id, p]));
    expect(plan.image.static).toBe(true);
    expect(plan.conv0).toMatchObject({ static: true, exec: 'linear' });
    expect(plan.n0).toMatchObject({ static: false, exec: 'neurons' });
    expect(plan.conv1).toMatchObject({ static: false, exec: 'filtered', eventDriven: true });
    expect(plan.dense).toMatchObject({ exec: 'filtered', eventDriven: true }); // the synapse moved past the flatten
    const rate = compile(network('RectifiedLinear', 1, 0), { ...registries(), mode: 'rate' }).describePlan();
    expect(rate.every((p) => p.static)).toBe(true); // no synapse, no state: one pass per batch
  });
});

describe('kernel memory', () => {
  it('is returned when a simulator is disposed, so compiling again does not grow it', () => {
    const graph = network('SpikingRectifiedLinear', 20, 0.005);
    const images = loadMnist('test', 4).images;
    const cycle = () => {
      const sim = compile(graph, { ...registries(), batchSize: 64 });
      sim.run({ image: images }, { nSteps: 2 });
      sim.dispose();
    };
    cycle();
    const bytes = neuronWasm()!.memory.buffer.byteLength;
    for (let i = 0; i < 30; i++) cycle();
    expect(neuronWasm()!.memory.buffer.byteLength).toBe(bytes);
  });
});

describe('spiking approximates rate mode', () => {
  it('the mean spiking output over a long window approaches the rate-mode output', () => {
    const images = loadMnist('test', 5).images;
    const rate = compile(network('RectifiedLinear', 1, 0), { ...registries(), mode: 'rate' }).run({ image: images }).probes.out.data;
    // high rates (scale 2000 => ReLU outputs of ~1 become 2000 Hz) and 400 steps make the estimate tight
    const spiking = compile(network('SpikingRectifiedLinear', 2000, 0.005), registries()).run({ image: images }, {
      nSteps: 400,
      probes: { out: { node: 'out', keep: { meanLast: 300 } } },
    }).probes.out.data;
    expect(normwiseRelativeError(spiking, rate)).toBeLessThan(0.03);
  });
});
