import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, scalar } from '@snn/ir';
import { createNeuronRegistry, LIFRate, resolveParams } from '@snn/neurons';
import { compile, initBackend } from '@snn/sim';
import { createSynapseRegistry } from '@snn/synapses';
import { AdaptiveLIF } from './adaptive-lif.js';
import { adaptedRate } from './adapted-rate.js';

const dt = 0.001;
const p = resolveParams(AdaptiveLIF, {});

/**
 * Nengo's AdaptiveLIF.step written out independently in float64 (nengo/neurons.py: LIF.step
 * on J - n, then n += dt / tau_n * (inc_n * output - n)), from v = 0; returns the spike steps.
 * `store` is how state is kept between steps: float64 as Nengo, or rounded to float32 as our
 * Float32Array state is.
 */
function nengoSpikeSteps(J: number, nSteps: number, store: (x: number) => number = (x) => x): number[] {
  let v = 0;
  let ref = 0;
  let n = 0;
  const steps: number[] = [];
  for (let t = 0; t < nSteps; t++) {
    const j = store(J - n);
    ref -= dt;
    const delta = Math.min(Math.max(dt - ref, 0), dt);
    v -= (j - v) * Math.expm1(-delta / p.tauRc);
    let output = 0;
    if (v > 1) {
      output = p.amplitude / dt;
      const tSpike = dt + p.tauRc * Math.log1p(-(v - 1) / (j - 1));
      v = 0;
      ref = store(p.tauRef + tSpike);
      steps.push(t);
    } else {
      v = store(Math.max(v, p.minVoltage));
      ref = store(ref);
    }
    n = store(n + (dt / p.tauN) * (p.incN * store(output) - n));
  }
  return steps;
}

/** Steps of our AdaptiveLIF.step for one neuron at constant J, from v = 0. */
function spikeSteps(J: number, nSteps: number): number[] {
  const state = { voltage: new Float32Array(1), refractoryTime: new Float32Array(1), adaptation: new Float32Array(1) };
  const current = Float32Array.of(J);
  const out = new Float32Array(1);
  const steps: number[] = [];
  for (let t = 0; t < nSteps; t++) if (AdaptiveLIF.step(dt, current, out, state, p) > 0) steps.push(t);
  return steps;
}

beforeAll(async () => {
  await initBackend();
});

describe('AdaptiveLIF (a neuron type defined outside the packages)', () => {
  it('first spike at the analytic LIF time: step floor(tauRc ln(J / (J - 1)) / dt), adaptation still 0', () => {
    for (const J of [1.5, 2, 5, 20]) {
      const t1 = p.tauRc * Math.log(J / (J - 1));
      expect(spikeSteps(J, 200)[0]).toBe(Math.floor(t1 / dt));
    }
  });

  it('spikes on the same steps as Nengo\'s AdaptiveLIF.step with float32 state, and within one spike of float64 Nengo, over 3 s', () => {
    for (const J of [1.5, 2, 5, 20]) {
      const ours = spikeSteps(J, 3000);
      expect(ours.length).toBeGreaterThan(10);
      expect(ours).toEqual(nengoSpikeSteps(J, 3000, Math.fround));
      expect(Math.abs(ours.length - nengoSpikeSteps(J, 3000).length)).toBeLessThanOrEqual(1);
    }
  });

  it('adapts: the late rate is the fixed point r = LIFRate(J - incN r), below the onset rate', () => {
    for (const J of [2, 5, 20]) {
      const steps = spikeSteps(J, 6000);
      const late = steps.filter((t) => t >= 4000).length / 2; // Hz over the last 2 s (tauN = 1 s)
      const early = steps.filter((t) => t < 100).length / 0.1; // Hz over the first 100 ms
      const onset = new Float32Array(1);
      LIFRate.rates(Float32Array.of(J), onset, p);
      const adapted = adaptedRate(J);
      expect(Math.abs(late - adapted) / adapted).toBeLessThan(0.02);
      expect(adapted).toBeLessThan(onset[0] * 0.97);
      expect(late).toBeLessThan(early);
    }
  });

  it('runs spiking in @snn/sim from a registry it was added to', () => {
    const b = new GraphBuilder();
    const pop = b.neurons(b.input('x', [3]), { id: 'alif', neuronType: 'AdaptiveLIF', params: { incN: 0.05 }, gain: scalar(1) });
    b.output(pop, 'out');
    const neurons = createNeuronRegistry().register(AdaptiveLIF);
    const sim = compile(b.build(), { neurons, synapses: createSynapseRegistry() });
    const nSteps = 5000;
    const run = sim.run({ x: Float32Array.of(0.5, 3, 10) }, { nSteps, probes: { s: { node: 'alif', keep: 'all' } } });
    sim.dispose();
    const late = [0, 0, 0];
    for (let t = 3000; t < nSteps; t++) for (let i = 0; i < 3; i++) if (run.probes.s.data[t * 3 + i] > 0) late[i]++;
    expect(late[0]).toBe(0); // below threshold
    for (const [i, J] of [[1, 3], [2, 10]] as const) expect(Math.abs(late[i] / 2 - adaptedRate(J, { incN: 0.05 })) / adaptedRate(J, { incN: 0.05 })).toBeLessThan(0.03);
    expect(Math.max(...run.probes.s.data)).toBeCloseTo(1 / dt, 3);
  });
});
