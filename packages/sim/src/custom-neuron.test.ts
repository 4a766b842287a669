import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, scalar } from '@snn/ir';
import { createNeuronRegistry, type NeuronType } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { compile } from './compile.js';
import { initBackend } from './backend/init.js';

beforeAll(async () => {
  await initBackend();
});

/**
 * A neuron type defined here, outside every package: a non-leaky integrate-and-fire neuron
 * with a threshold parameter that resets to 0 (one spike per step at most). Its rate for
 * constant J > 0 is 1 / ceil(threshold / (J dt)) / dt.
 */
const ThresholdIntegrateAndFire: NeuronType = {
  name: 'ThresholdIntegrateAndFire',
  params: {
    threshold: { default: 1, min: 0, doc: 'firing threshold' },
    amplitude: { default: 1, min: 0, doc: 'spike integral' },
  },
  spiking: true,
  negative: false,
  stateNames: ['voltage'],
  initState: (n) => ({ voltage: new Float32Array(n) }),
  rates: (J, out, p) => {
    const dt = 0.001;
    for (let i = 0; i < J.length; i++) out[i] = J[i] > 0 ? p.amplitude / (Math.ceil(p.threshold / (J[i] * dt) - 1e-9) * dt) : 0;
  },
  step: (dt, J, out, state, p) => {
    const v = state.voltage;
    let spikes = 0;
    for (let i = 0; i < J.length; i++) {
      v[i] += J[i] > 0 ? J[i] * dt : 0;
      if (v[i] >= p.threshold - 1e-6) {
        v[i] = 0;
        out[i] = p.amplitude / dt;
        spikes++;
      } else out[i] = 0;
    }
    return spikes;
  },
};

describe('a neuron type defined outside the packages', () => {
  const neurons = createNeuronRegistry().register(ThresholdIntegrateAndFire);
  const synapses = createSynapseRegistry();
  const b = new GraphBuilder();
  const pop = b.neurons(b.input('x', [4]), { id: 'iaf', neuronType: 'ThresholdIntegrateAndFire', params: { threshold: 2 }, gain: scalar(1) });
  b.output(pop, 'out');
  const graph = b.build();
  const J = Float32Array.of(0, 100, 250, 1000); // threshold 2: every 20, 8 and 2 steps

  it('runs spiking in the simulator: rates, spikes and spike heights as defined', () => {
    const run = compile(graph, { neurons, synapses }).run({ x: J }, { nSteps: 1000, probes: { s: { node: 'iaf', keep: 'all' } } });
    expect(Array.from(run.stats.iaf.perNeuronHz).map((x) => Math.round(x))).toEqual([0, 50, 125, 500]);
    expect(run.stats.iaf.spikes).toBe(675);
    expect(Math.max(...run.probes.s.data)).toBe(1000);
  });

  it('runs in rate mode through its own rate function', () => {
    const out = compile(graph, { neurons, synapses, mode: 'rate' }).run({ x: J }).probes.out.data;
    expect(Array.from(out)).toEqual([0, 50, 125, 500]);
  });

  it('unknown types are reported with the node and the registered names', () => {
    expect(() => compile(graph, { neurons: createNeuronRegistry(), synapses })).toThrow(/ThresholdIntegrateAndFire.*iaf|iaf.*ThresholdIntegrateAndFire/s);
  });
});
