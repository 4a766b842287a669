import { createRng, isSnnError } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { LIF } from './neurons/lif.js';
import { regularSpiking } from './neurons/regular-spiking.js';
import { resolveParams } from './params.js';
import { NeuronRegistry, builtinNeuronTypes, createNeuronRegistry, registerAll } from './registry.js';
import type { NeuronType } from './types.js';

/**
 * A user's own type, defined outside the package sources: a perfect integrate-and-fire
 * neuron with threshold `theta` (rate J / theta for J > 0) that resets to zero.
 */
const PerfectIntegrator: NeuronType = {
  name: 'PerfectIntegrator',
  params: { theta: { default: 2, min: Number.MIN_VALUE, doc: 'firing threshold (current x seconds)' } },
  spiking: true,
  negative: false,
  stateNames: ['voltage'],
  initState: (n) => ({ voltage: new Float32Array(n) }),
  rates: (J, out, p) => {
    for (let i = 0; i < J.length; i++) out[i] = J[i] > 0 ? J[i] / p.theta : 0;
  },
  step: (dt, J, out, state, p) => {
    const v = state.voltage;
    let spikes = 0;
    for (let i = 0; i < J.length; i++) {
      v[i] += J[i] * dt;
      if (v[i] >= p.theta) {
        v[i] = 0;
        out[i] = 1 / dt;
        spikes++;
      } else out[i] = 0;
    }
    return spikes;
  },
};

describe('NeuronRegistry', () => {
  it('starts empty: nothing registers on import', () => {
    const registry = new NeuronRegistry();
    expect(registry.names()).toEqual([]);
    expect(registry.has('LIF')).toBe(false);
  });

  it('createNeuronRegistry holds every built-in type', () => {
    const registry = createNeuronRegistry();
    for (const name of [
      'RectifiedLinear',
      'SpikingRectifiedLinear',
      'LIF',
      'LIFRate',
      'SoftLIFRate',
      'Sigmoid',
      'Tanh',
      'LeakyReLU',
      'SpikingLeakyReLU',
      'QCFS',
      'RegularSpiking(LIFRate)',
      'RegularSpiking(RectifiedLinear)',
    ]) {
      expect(registry.has(name), name).toBe(true);
    }
    expect(registry.get('LIF')).toBe(LIF);
    expect(registry.names().length).toBe(builtinNeuronTypes.length);
  });

  it('throws NEURON_UNKNOWN for an unknown name, listing the registered names', () => {
    const registry = createNeuronRegistry();
    let error: unknown;
    try {
      registry.get('Izhikevich', 'hidden');
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error, 'NEURON_UNKNOWN')).toBe(true);
    expect((error as Error).message).toContain('"Izhikevich"');
    expect((error as Error).message).toContain('hidden');
    expect((error as Error).message).toContain('LIF, ');
  });

  it('refuses a duplicate name unless asked to override', () => {
    const registry = createNeuronRegistry();
    const myLif: NeuronType = { ...LIF, params: { ...LIF.params } };
    expect(() => registry.register(myLif)).toThrow(/already registered/);
    let error: unknown;
    try {
      registerAll(registry);
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error, 'NEURON_DUPLICATE')).toBe(true);
    registry.register(myLif, { override: true });
    expect(registry.get('LIF')).toBe(myLif);
  });

  it('rejects objects that are not neuron types', () => {
    const registry = new NeuronRegistry();
    const broken = { name: 'Broken', params: {} } as unknown as NeuronType;
    expect(() => registry.register(broken)).toThrow(/missing: initState, rates, step/);
  });

  it('registers and runs a neuron type defined outside the package', () => {
    const registry = createNeuronRegistry().register(PerfectIntegrator).register(regularSpiking(PerfectIntegrator));
    const type = registry.get('PerfectIntegrator', 'custom_layer');
    const p = resolveParams(type, { theta: 0.5 }, 'custom_layer');
    const state = type.initState(3, p, createRng(1));
    const J = Float32Array.of(-1, 10, 100);
    const out = new Float32Array(3);
    const counts = new Float64Array(3);
    for (let s = 0; s < 1000; s++) {
      type.step(0.001, J, out, state, p);
      for (let i = 0; i < 3; i++) counts[i] += out[i] * 0.001;
    }
    const rates = new Float32Array(3);
    type.rates(J, rates, p);
    expect([...rates]).toEqual([0, 20, 200]);
    for (let i = 0; i < 3; i++) expect(Math.abs(counts[i] - rates[i])).toBeLessThanOrEqual(1);
    expect(() => resolveParams(type, { tauRc: 1 }, 'custom_layer')).toThrow(/valid names: theta/);
    const wrapped = registry.get('RegularSpiking(PerfectIntegrator)');
    expect(Object.keys(wrapped.params)).toEqual(['theta', 'amplitude']);
  });
});
