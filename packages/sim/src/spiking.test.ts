import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, param, scalar } from '@snn/ir';
import { resolveParams } from '@snn/neurons';
import { compile } from './compile.js';
import { initBackend } from './backend/init.js';
import { registries } from './test-support/fixtures.js';

beforeAll(async () => {
  await initBackend();
});

/** A population of `n` neurons driven by a constant input, with J = x (gain 1, bias 0). */
function population(neuronType: string, n: number) {
  const b = new GraphBuilder();
  const x = b.input('x', [n]);
  const p = b.neurons(x, { id: 'pop', neuronType });
  b.output(p, 'out');
  return b.build();
}

describe('spiking simulation', () => {
  for (const [type, currents] of [
    ['LIF', [1.05, 1.5, 2, 3, 5, 10, 20, 50]],
    ['SpikingRectifiedLinear', [0, 0.5, 3.3, 17, 63.04, 100, 250, 999]],
  ] as const) {
    it(`${type}: mean rates over 1 s match rates() within 1 spike/s`, () => {
      const reg = registries();
      const sim = compile(population(type, currents.length), { ...reg, seed: 3 });
      const J = Float32Array.from(currents);
      const run = sim.run({ x: J }, { nSteps: 1000, probes: {} });
      const type_ = reg.neurons.get(type);
      const expected = new Float32Array(J.length);
      type_.rates(J, expected, resolveParams(type_, {}));
      const got = run.stats.pop.perNeuronHz;
      for (let i = 0; i < J.length; i++) expect(Math.abs(got[i] - expected[i])).toBeLessThanOrEqual(1);
      expect(run.stats.pop.firingRateHz).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / J.length, 0);
    });
  }

  for (const [type, currents] of [
    ['LIF', [1.05, 1.5, 2, 3, 5, 10, 20, 50]],
    ['SpikingRectifiedLinear', [0, 0.5, 3.3, 17, 63.04, 100, 250, 999]],
  ] as const) {
    it(`${type} in float32 (NengoDL's arithmetic): rates within 1 spike/s of float64, repeatable, batch-independent`, () => {
      const reg = registries();
      const n = currents.length;
      // 9 copies of the currents, so the SIMD kernel's 8-neuron blocks and its tail both run
      const J = Float32Array.from({ length: 9 * n }, (_, i) => currents[i % n]);
      const graph = population(type, J.length);
      const run = (precision: 'float32' | 'float64', batch: number) => {
        const x = new Float32Array(batch * J.length);
        for (let b = 0; b < batch; b++) x.set(J, b * J.length);
        return compile(graph, { ...reg, seed: 3, precision }).run({ x }, { nSteps: 1000, probes: { s: { node: 'pop', keep: { meanLast: 1000 } } } });
      };
      const r32 = run('float32', 1);
      const r64 = run('float64', 1);
      const a = r32.stats.pop.perNeuronHz;
      const b = r64.stats.pop.perNeuronHz;
      for (let i = 0; i < J.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1);
      expect(run('float32', 1).probes.s.data).toEqual(r32.probes.s.data);
      // every sample of a batch starts from the same state, so each equals the single run
      const batched = run('float32', 3).probes.s.data;
      for (let k = 0; k < 3; k++) expect(batched.subarray(k * J.length, (k + 1) * J.length)).toEqual(r32.probes.s.data);
    });
  }

  it('spike outputs are amplitude / dt high', () => {
    const b = new GraphBuilder();
    const p = b.neurons(b.input('x', [3]), { id: 'pop', neuronType: 'LIF', params: { amplitude: 0.01 } });
    b.output(p, 'out');
    const sim = compile(b.build(), registries());
    const run = sim.run({ x: Float32Array.of(5, 10, 20) }, { nSteps: 200, probes: { s: { node: 'pop', keep: 'all' } } });
    const values = new Set(Array.from(run.probes.s.data));
    expect([...values].sort((a, c) => a - c)).toEqual([0, Math.fround(0.01 / 0.001)]);
  });

  describe('synapse step responses through the graph (spec 1.3), to 1e-6', () => {
    const table: Record<string, number[]> = {
      none: [1, 1, 1, 1, 1, 1],
      lowpass: [0, 0.095162582, 0.1812692469, 0.2591817793, 0.329679954, 0.3934693403],
      alpha: [0, 0.0046788402, 0.0175230963, 0.0369363131, 0.0615519356, 0.0902040104],
    };
    for (const [name, expected] of Object.entries(table)) {
      it(name, () => {
        const b = new GraphBuilder();
        const x = b.input('x', [1]);
        const synapse = name === 'none' ? undefined : { type: name, params: { tau: 0.01 } };
        const post = b.reshape(x, [1], { id: 'post', synapse });
        b.output(post, 'out');
        const sim = compile(b.build(), registries());
        const run = sim.run({ x: Float32Array.of(1) }, { nSteps: 6, probes: { p: { node: 'post', keep: 'all' } } });
        const got = Array.from(run.probes.p.data);
        got.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-6));
      });
    }
    it('a filtered probe delays by one step', () => {
      const b = new GraphBuilder();
      b.output(b.input('x', [1]), 'out');
      const sim = compile(b.build(), registries());
      const run = sim.run({ x: Float32Array.of(1) }, { nSteps: 4, probes: { p: { node: 'out', keep: 'all', synapse: { type: 'lowpass', params: { tau: 0.01 } } } } });
      const expected = [0, 0.095162582, 0.1812692469, 0.2591817793];
      Array.from(run.probes.p.data).forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-6));
    });
  });

  it('2,000 LIF neurons x 10,000 steps: same spikes on two runs with the same seed, other spikes with another', () => {
    const n = 2000;
    const b = new GraphBuilder();
    const p = b.neurons(b.input('x', [n]), { id: 'pop', neuronType: 'LIF', gain: scalar(2), bias: scalar(0.5) });
    b.output(p, 'out');
    const graph = b.build();
    const drive = new Float32Array(n).map((_, i) => (i % 100) / 25);
    const spikes = (seed: number) => {
      const sim = compile(graph, { ...registries(), seed });
      const run = sim.run({ x: drive }, { nSteps: 10_000, probes: { s: { node: 'pop', keep: 'all' } } });
      return run.probes.s.data;
    };
    const a = spikes(42);
    const c = spikes(42);
    const d = spikes(43);
    let total = 0;
    let differ = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== 0) total++;
      if (a[i] !== c[i]) throw new Error(`runs differ at flat index ${i}`);
      if (a[i] !== d[i]) differ++;
    }
    expect(total).toBeGreaterThan(100_000);
    expect(differ).toBeGreaterThan(0);
  });

  // 'auto' may pick event or dense per batch (a choice that depends on the batch's total
  // activity), which changes float rounding; each fixed path is exactly batch-independent.
  it('results do not depend on the batch size (event and dense paths)', () => {
    const b = new GraphBuilder();
    const x = b.input('x', [50]);
    const w = param(new Float32Array(50 * 5).map((_, i) => Math.sin(i)), [50, 5]);
    const p = b.neurons(x, { id: 'pop', neuronType: 'SpikingRectifiedLinear', gain: scalar(200) });
    b.output(b.dense(p, { weights: w, synapse: { type: 'lowpass', params: { tau: 0.005 } } }), 'y');
    const graph = b.build();
    const data = new Float32Array(13 * 50).map((_, i) => Math.cos(i * 0.37));
    for (const propagation of ['event', 'dense'] as const) {
      const run = (batchSize: number) => compile(graph, { ...registries(), batchSize, propagation }).run({ x: data }, { nSteps: 40 }).probes.y.data;
      expect(Array.from(run(4))).toEqual(Array.from(run(100)));
    }
  });

  it('time-varying input given per step (NengoDL layout)', () => {
    const b = new GraphBuilder();
    b.output(b.input('x', [2]), 'out');
    const sim = compile(b.build(), registries());
    const data = Float32Array.from([1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]); // 2 samples x 3 steps x 2
    const run = sim.run({ x: { data, perStep: true } }, { nSteps: 3, probes: { p: { node: 'out', keep: 'all' } } });
    expect(Array.from(run.probes.p.data)).toEqual(Array.from(data));
  });
});

describe('warnings', () => {
  it('warns, like NengoDL, when one step meets a synapse', () => {
    const b = new GraphBuilder();
    b.output(b.reshape(b.input('x', [1]), [1], { synapse: { type: 'lowpass', params: { tau: 0.01 } } }), 'y');
    const sim = compile(b.build(), registries());
    expect(sim.run({ x: Float32Array.of(1) }, { nSteps: 1 }).warnings[0]).toMatch(/one timestep.*synaptic filters/);
    expect(sim.run({ x: Float32Array.of(1) }, { nSteps: 2 }).warnings).toEqual([]);
  });
});
